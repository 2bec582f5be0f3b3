package dev.archon.vector.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;

import org.springframework.http.HttpMethod;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.RestClient;

/**
 * langchain4j's HTTP client contract on a {@link RestClient}, for the JSON requests of
 * the embedding and chat models this service uses.
 */
class RestClientHttpClient implements HttpClient {

	private final RestClient client;

	RestClientHttpClient(RestClient client) {
		this.client = client;
	}

	@Override
	public SuccessfulHttpResponse execute(HttpRequest request) {
		RestClient.RequestBodySpec spec = this.client.method(HttpMethod.valueOf(request.method().name()))
			// langchain4j hands over a URL it has already encoded.
			.uri(URI.create(request.url()))
			.headers((headers) -> request.headers().forEach(headers::addAll));
		if (request.body() != null) {
			spec.body(request.body());
		}
		return spec.exchange((clientRequest, response) -> {
			String body = StreamUtils.copyToString(response.getBody(), StandardCharsets.UTF_8);
			if (response.getStatusCode().isError()) {
				throw new HttpException(response.getStatusCode().value(), body);
			}
			Map<String, List<String>> headers = new LinkedHashMap<>();
			response.getHeaders().forEach(headers::put);
			return SuccessfulHttpResponse.builder()
				.statusCode(response.getStatusCode().value())
				.headers(headers)
				.body(body)
				.build();
		});
	}

	/**
	 * Not supported: the service asks its models for whole answers, never streams.
	 */
	@Override
	public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
		throw new UnsupportedOperationException("Streaming is not supported by this client");
	}

}
