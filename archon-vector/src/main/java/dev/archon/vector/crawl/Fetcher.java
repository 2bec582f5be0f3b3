package dev.archon.vector.crawl;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Ticker;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Fetches pages for the crawler: every URL and every redirect hop passes the SSRF guard,
 * robots.txt is honoured per origin, and transient failures (I/O errors, 429, 5xx) are
 * retried with a growing pause.
 */
class Fetcher {

	private static final int MAX_REDIRECTS = 5;

	private final RestClient client;

	private final UrlGuard guard;

	private final int retries;

	private final Robots robots;

	Fetcher(UrlGuard guard, Duration timeout, String userAgent, int retries, Duration robotsTtl) {
		// Redirects are followed here, not by the client, so that each hop is checked.
		HttpClient httpClient = HttpClient.newBuilder()
			.connectTimeout(timeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
		requestFactory.setReadTimeout(timeout);
		this.client = RestClient.builder()
			.requestFactory(requestFactory)
			.defaultHeader(HttpHeaders.USER_AGENT, userAgent)
			.build();
		this.guard = guard;
		this.retries = retries;
		this.robots = new Robots(userAgent, robotsTtl, Ticker.systemTicker(), this::fetchWithRetries);
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
		FetchFailed last = null;
		for (int attempt = 0; attempt <= this.retries; attempt++) {
			if (attempt > 0) {
				sleep(Duration.ofMillis(200L << attempt));
			}
			try {
				return fetchOnce(uri);
			}
			catch (FetchFailed ex) {
				if (!ex.retryable()) {
					throw ex;
				}
				last = ex;
			}
		}
		throw last;
	}

	private Page fetchOnce(URI start) {
		URI uri = start;
		int lastStatus = FetchFailed.NO_ANSWER;
		for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
			this.guard.check(uri);
			URI current = uri;
			Response response;
			try {
				response = this.client.get().uri(current).exchange((request, reply) -> {
					HttpStatusCode status = reply.getStatusCode();
					String location = reply.getHeaders().getFirst(HttpHeaders.LOCATION);
					String type = reply.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
					byte[] body = status.is2xxSuccessful() ? reply.getBody().readAllBytes() : new byte[0];
					return new Response(status.value(), location, type, body);
				}, false);
			}
			catch (RuntimeException ex) {
				throw new FetchFailed(current + " failed: " + ex.getMessage(), FetchFailed.NO_ANSWER, true);
			}
			if (response.status() >= 300 && response.status() < 400 && response.location() != null) {
				uri = current.resolve(response.location());
				lastStatus = response.status();
				continue;
			}
			if (response.status() == 429 || response.status() >= 500) {
				throw new FetchFailed(current + " answered " + response.status(), response.status(), true);
			}
			if (response.status() >= 400) {
				throw new FetchFailed(current + " answered " + response.status(), response.status(), false);
			}
			return new Page(current, (response.type() != null) ? response.type() : "",
					new String(response.body(), StandardCharsets.UTF_8));
		}
		throw new FetchFailed(start + " redirects more than " + MAX_REDIRECTS + " times", lastStatus, false);
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new FetchFailed("interrupted", FetchFailed.NO_ANSWER, false);
		}
	}

	record Page(URI uri, String contentType, String body) {

	}

	private record Response(int status, String location, String type, byte[] body) {

	}

	/**
	 * A page could not be fetched.
	 */
	static class FetchFailed extends RuntimeException {

		static final int NO_ANSWER = 0;

		private final int status;

		private final boolean transientFailure;

		FetchFailed(String message, int status, boolean transientFailure) {
			super(message);
			this.status = status;
			this.transientFailure = transientFailure;
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

	}

}
