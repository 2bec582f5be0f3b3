package dev.archon.vector.http;

import java.time.Duration;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.web.client.RestClient;

/**
 * Gives langchain4j's models a client made from Spring Boot's {@link RestClient.Builder}
 * instead of langchain4j's own JDK client: so their calls are observed as
 * {@code http.client.requests}, with the timeouts the model was built with.
 */
public class RestClientHttpClientBuilder implements HttpClientBuilder {

	private final RestClient.Builder restClientBuilder;

	private @Nullable Duration connectTimeout;

	private @Nullable Duration readTimeout;

	/**
	 * A builder of clients from Boot's builder, which this one clones.
	 * @param restClientBuilder the auto-configured builder, observed and with the
	 * service's message converters
	 */
	public RestClientHttpClientBuilder(RestClient.Builder restClientBuilder) {
		this.restClientBuilder = restClientBuilder;
	}

	@Override
	public @Nullable Duration connectTimeout() {
		return this.connectTimeout;
	}

	@Override
	public HttpClientBuilder connectTimeout(@Nullable Duration timeout) {
		this.connectTimeout = timeout;
		return this;
	}

	@Override
	public @Nullable Duration readTimeout() {
		return this.readTimeout;
	}

	@Override
	public HttpClientBuilder readTimeout(@Nullable Duration timeout) {
		this.readTimeout = timeout;
		return this;
	}

	@Override
	public HttpClient build() {
		HttpClientSettings settings = HttpClientSettings.defaults().withTimeouts(this.connectTimeout, this.readTimeout);
		return new RestClientHttpClient(this.restClientBuilder.clone()
			.requestFactory(ClientHttpRequestFactoryBuilder.detect().build(settings))
			.build());
	}

}
