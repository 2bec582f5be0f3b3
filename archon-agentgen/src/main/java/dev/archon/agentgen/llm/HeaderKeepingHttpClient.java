package dev.archon.agentgen.llm;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient.Version;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import org.jspecify.annotations.Nullable;

/**
 * The transport under langchain4j's provider clients. It differs from langchain4j's JDK
 * client in one way that matters to failover: an error answer keeps its
 * {@code Retry-After}, so that the pool can honour it. The protocols themselves stay
 * langchain4j's.
 */
final class HeaderKeepingHttpClient implements HttpClient {

	private final java.net.http.HttpClient delegate;

	private final Duration readTimeout;

	private HeaderKeepingHttpClient(Duration connectTimeout, Duration readTimeout) {
		this.delegate = java.net.http.HttpClient.newBuilder()
			.connectTimeout(connectTimeout)
			.version(Version.HTTP_1_1)
			.build();
		this.readTimeout = readTimeout;
	}

	static Builder builder() {
		return new Builder();
	}

	@Override
	public SuccessfulHttpResponse execute(HttpRequest request) {
		try {
			HttpResponse<String> response = this.delegate.send(toJdk(request), BodyHandlers.ofString());
			if (response.statusCode() / 100 != 2) {
				throw failure(response.statusCode(), response.body(), response.headers().map());
			}
			return SuccessfulHttpResponse.builder()
				.statusCode(response.statusCode())
				.headers(response.headers().map())
				.body(response.body())
				.build();
		}
		catch (IOException ex) {
			throw new RuntimeException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RuntimeException(ex);
		}
	}

	@Override
	public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
		// The stream is read on a virtual thread of its own, as langchain4j's streaming
		// models expect the call to return at once.
		Thread.ofVirtual().name("llm-stream").start(() -> stream(request, parser, listener));
	}

	private void stream(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
		try {
			HttpResponse<InputStream> response = this.delegate.send(toJdk(request), BodyHandlers.ofInputStream());
			if (response.statusCode() / 100 != 2) {
				String body;
				try (InputStream in = response.body()) {
					body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				}
				quietly(() -> listener.onError(failure(response.statusCode(), body, response.headers().map())));
				return;
			}
			quietly(() -> listener.onOpen(SuccessfulHttpResponse.builder()
				.statusCode(response.statusCode())
				.headers(response.headers().map())
				.build()));
			try (InputStream in = response.body()) {
				parser.parse(in, listener);
			}
			quietly(listener::onClose);
		}
		catch (IOException | RuntimeException ex) {
			quietly(() -> listener.onError(ex));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			quietly(() -> listener.onError(ex));
		}
	}

	private java.net.http.HttpRequest toJdk(HttpRequest request) {
		java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(URI.create(request.url()))
			.timeout(this.readTimeout);
		request.headers().forEach((name, values) -> values.forEach((value) -> builder.header(name, value)));
		String body = request.body();
		builder.method(request.method().name(), (body != null) ? java.net.http.HttpRequest.BodyPublishers.ofString(body)
				: java.net.http.HttpRequest.BodyPublishers.noBody());
		return builder.build();
	}

	private static RetryAfterHttpException failure(int status, String body, Map<String, List<String>> headers) {
		Optional<String> retryAfter = headers.entrySet()
			.stream()
			.filter((header) -> header.getKey().equalsIgnoreCase("retry-after") && !header.getValue().isEmpty())
			.map((header) -> header.getValue().get(0))
			.findFirst();
		return new RetryAfterHttpException(status, body,
				retryAfter.map(HeaderKeepingHttpClient::retryAfter).orElse(null));
	}

	static @Nullable Duration retryAfter(String value) {
		String trimmed = value.trim();
		try {
			return Duration.ofMillis((long) (Double.parseDouble(trimmed) * 1000));
		}
		catch (NumberFormatException ex) {
			try {
				Duration until = Duration.between(Instant.now(),
						ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
				return until.isNegative() ? Duration.ZERO : until;
			}
			catch (DateTimeParseException notADate) {
				return null;
			}
		}
	}

	private static void quietly(Runnable action) {
		try {
			action.run();
		}
		catch (RuntimeException ex) {
			// A listener's own failure must not become the stream's error.
		}
	}

	static final class Builder implements HttpClientBuilder {

		private Duration connectTimeout = Duration.ofSeconds(5);

		private Duration readTimeout = Duration.ofMinutes(2);

		@Override
		public Duration connectTimeout() {
			return this.connectTimeout;
		}

		@Override
		public Builder connectTimeout(Duration timeout) {
			if (timeout != null) {
				this.connectTimeout = timeout;
			}
			return this;
		}

		@Override
		public Duration readTimeout() {
			return this.readTimeout;
		}

		@Override
		public Builder readTimeout(Duration timeout) {
			if (timeout != null) {
				this.readTimeout = timeout;
			}
			return this;
		}

		@Override
		public HttpClient build() {
			return new HeaderKeepingHttpClient(this.connectTimeout, this.readTimeout);
		}

	}

}
