package dev.archon.vector.crawl;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Ticker;
import io.github.resilience4j.retry.Retry;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.core5.http.io.EofSensorInputStream;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.unit.DataSize;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Fetches pages for the crawler: every URL and every redirect hop passes the SSRF guard,
 * connections go only to the addresses the guard checked, robots.txt is honoured per
 * origin, transient failures are retried, bodies beyond a size are refused, and text is
 * decoded with the charset the page declares.
 */
class Fetcher {

	private static final int MAX_REDIRECTS = 5;

	/** About the most bytes that one array holds. */
	private static final int LARGEST_ARRAY = Integer.MAX_VALUE - 8;

	private final RestClient client;

	private final UrlGuard guard;

	private final Retry retry;

	private final int maxBodyBytes;

	private final Robots robots;

	/**
	 * Creates the fetcher.
	 * @param builder Boot's builder, which records {@code http.client.requests}
	 * @param guard the SSRF guard
	 * @param retry when a failed fetch is tried again (see {@link FetchRetries})
	 * @param timeout how long connecting, and each read, may take
	 * @param userAgent what the crawler calls itself
	 * @param maxBodySize the largest body read
	 * @param robotsTtl how long the rules of a robots.txt are relied on
	 */
	Fetcher(RestClient.Builder builder, UrlGuard guard, Retry retry, Duration timeout, String userAgent,
			DataSize maxBodySize, Duration robotsTtl) {
		this.client = builder.requestFactory(requestFactory(guard, timeout))
			.defaultHeader(HttpHeaders.USER_AGENT, userAgent)
			.build();
		this.guard = guard;
		this.retry = retry;
		this.maxBodyBytes = (int) Math.min(maxBodySize.toBytes(), LARGEST_ARRAY - 1);
		this.robots = new Robots(userAgent, robotsTtl, Ticker.systemTicker(), this::fetchWithRetries);
	}

	private static ClientHttpRequestFactory requestFactory(UrlGuard guard, Duration timeout) {
		return ClientHttpRequestFactoryBuilder.httpComponents()
			.withConnectionManagerCustomizer((manager) -> manager.setDnsResolver(new GuardedDnsResolver(guard)))
			// Straight to the site: a proxy would resolve the name itself, so the guard
			// would have checked the proxy's address instead of the site's. Retries are
			// the crawler's own, which know Retry-After and robots.txt. Bodies come as
			// sent, without content coding, so that the cap counts the bytes received
			// and the connection of a body beyond it can be dropped.
			.withHttpClientCustomizer(
					(client) -> client.setRoutePlanner(new DefaultRoutePlanner(DefaultSchemePortResolver.INSTANCE))
						.disableAutomaticRetries()
						.disableContentCompression())
			// Redirects are followed here, not by the client, so that each hop is
			// checked.
			.build(HttpClientSettings.defaults()
				.withTimeouts(timeout, timeout)
				.withRedirects(HttpRedirects.DONT_FOLLOW));
	}

	/**
	 * Fetches a page that robots.txt allows.
	 * @param uri the page
	 * @return its body and content type
	 * @throws UrlRefused when the guard or robots.txt forbids it
	 * @throws FetchFailed when it cannot be fetched
	 */
	Page fetch(URI uri) {
		if (!this.robots.allows(uri)) {
			throw new UrlRefused(uri, "robots.txt disallows it");
		}
		return fetchWithRetries(uri);
	}

	private Page fetchWithRetries(URI uri) {
		return this.retry.executeSupplier(() -> fetchOnce(uri));
	}

	private Page fetchOnce(URI start) {
		URI uri = start;
		int lastStatus = FetchFailed.NO_ANSWER;
		for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
			this.guard.check(uri);
			URI current = uri;
			Response response;
			try {
				response = this.client.get().uri(current).exchange((request, reply) -> read(current, reply));
			}
			catch (RestClientException ex) {
				throw new FetchFailed(current + " failed: " + ex.getMessage(), FetchFailed.NO_ANSWER, true, null);
			}
			int status = response.status();
			if (status >= 300 && status < 400 && response.location() != null) {
				uri = current.resolve(response.location());
				lastStatus = status;
				continue;
			}
			if (status == 429 || status >= 500) {
				Duration retryAfter = response.retryAfter();
				String asked = (retryAfter != null) ? " asking to wait " + retryAfter.toSeconds() + "s" : "";
				throw new FetchFailed(current + " answered " + status + asked, status, true, retryAfter);
			}
			if (status >= 400) {
				throw new FetchFailed(current + " answered " + status, status, false, null);
			}
			return new Page(current, (response.type() != null) ? response.type() : "",
					PageDecoder.decode(response.body(), response.type(), current));
		}
		throw new FetchFailed(start + " redirects more than " + MAX_REDIRECTS + " times", lastStatus, false, null);
	}

	private Response read(URI uri, ClientHttpResponse reply) throws IOException {
		HttpStatusCode status = reply.getStatusCode();
		HttpHeaders headers = reply.getHeaders();
		byte[] body = status.is2xxSuccessful() ? readBody(uri, reply) : new byte[0];
		return new Response(status.value(), headers.getFirst(HttpHeaders.LOCATION),
				headers.getFirst(HttpHeaders.CONTENT_TYPE), body, RetryAfter.of(headers, Instant.now()));
	}

	/**
	 * Reads a body up to the cap. A larger one is refused rather than cut: its end would
	 * be lost either way, and a cut page would be chunked and found as if it were whole,
	 * while a refusal shows in the crawl's status, where an operator can raise the cap.
	 */
	private byte[] readBody(URI uri, ClientHttpResponse reply) throws IOException {
		InputStream stream = reply.getBody();
		byte[] body = (reply.getHeaders().getContentLength() <= this.maxBodyBytes)
				? stream.readNBytes(this.maxBodyBytes + 1) : null;
		if (body != null && body.length <= this.maxBodyBytes) {
			return body;
		}
		// Spring closes a response by reading it to its end, which for a body without end
		// would never finish: HttpClient's stream drops the connection instead.
		if (stream instanceof EofSensorInputStream connection) {
			connection.abort();
		}
		throw new FetchFailed(uri + " is larger than " + DataSize.ofBytes(this.maxBodyBytes),
				reply.getStatusCode().value(), false, null);
	}

	record Page(URI uri, String contentType, String body) {

	}

	private record Response(int status, @Nullable String location, @Nullable String type, byte[] body,
			@Nullable Duration retryAfter) {

	}

	/**
	 * A page could not be fetched.
	 */
	static class FetchFailed extends RuntimeException {

		static final int NO_ANSWER = 0;

		private final int status;

		private final boolean transientFailure;

		private final @Nullable Duration retryAfter;

		FetchFailed(String message, int status, boolean transientFailure, @Nullable Duration retryAfter) {
			super(message);
			this.status = status;
			this.transientFailure = transientFailure;
			this.retryAfter = retryAfter;
		}

		/**
		 * The HTTP status of the last answer, which decides what a missing robots.txt
		 * means.
		 * @return the status, or {@link #NO_ANSWER} when the server gave none
		 */
		int status() {
			return this.status;
		}

		boolean retryable() {
			return this.transientFailure;
		}

		/**
		 * How long the server asked the crawler to wait before it asks again.
		 * @return the pause, or {@code null} when it asked for none
		 */
		@Nullable Duration retryAfter() {
			return this.retryAfter;
		}

	}

}
