package dev.archon.cluster.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The cluster's API through NGINX, as a well-behaved client uses it: a request that met a
 * transient failure (no answer, 429, 502, 503, 504) is sent again after the
 * {@code Retry-After} it was given, a few times, and counted in a {@link Tally}.
 */
final class Api {

	static final URI NGINX = URI.create("http://localhost:8080");

	private static final int ATTEMPTS = 4;

	private static final Set<Integer> TRANSIENT = Set.of(429, 502, 503, 504);

	/** A server may ask for longer; the load waits at most this, so it keeps probing. */
	private static final Duration LONGEST_WAIT = Duration.ofSeconds(2);

	private static final Duration FIRST_WAIT = Duration.ofMillis(250);

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final HttpClient http;

	private final String key;

	private final Tally tally;

	Api(HttpClient http, String key, Tally tally) {
		this.http = http;
		this.key = key;
		this.tally = tally;
	}

	static HttpClient newClient() {
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(NGINX.resolve(path))
			.timeout(TIMEOUT)
			.header("Authorization", "Bearer " + this.key)
			.header("Accept", "application/json");
	}

	HttpRequest get(String path) {
		return request(path).GET().build();
	}

	HttpRequest post(String path, String json) {
		return request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
	}

	/**
	 * Sends a request until it succeeds, fails for good, or has been tried
	 * {@value #ATTEMPTS} times.
	 * @param request the request, safe to send again (a GET, or a POST with an
	 * {@code Idempotency-Key} or an effect that is the same however often it happens)
	 * @return the last answer, empty when none came
	 */
	Optional<HttpResponse<String>> send(HttpRequest request) throws InterruptedException {
		this.tally.sent();
		for (int attempt = 1;; attempt++) {
			HttpResponse<String> response = null;
			String failure;
			try {
				response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
				if (!TRANSIENT.contains(response.statusCode())) {
					if (response.statusCode() >= 400) {
						this.tally.failed(describe(request, response.statusCode() + " " + response.body()));
					}
					return Optional.of(response);
				}
				failure = response.statusCode() + " " + response.body();
			}
			catch (IOException ex) {
				failure = ex.toString();
			}
			if (attempt == ATTEMPTS) {
				this.tally.failed(describe(request, failure));
				return Optional.ofNullable(response);
			}
			this.tally.retried();
			Thread.sleep(waitBefore(response, attempt));
		}
	}

	/**
	 * Sends a request once and counts nothing: the scenarios' own probes, which judge
	 * each answer themselves.
	 * @param request the request
	 * @return the answer
	 */
	HttpResponse<String> sendOnce(HttpRequest request) throws IOException, InterruptedException {
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static Duration waitBefore(@Nullable HttpResponse<String> response, int attempt) {
		Duration asked = (response != null) ? response.headers()
			.firstValue("Retry-After")
			.filter((value) -> value.chars().allMatch(Character::isDigit))
			.map((seconds) -> Duration.ofSeconds(Long.parseLong(seconds)))
			.orElse(Duration.ZERO) : Duration.ZERO;
		Duration backoff = FIRST_WAIT.multipliedBy(1L << (attempt - 1));
		Duration wait = (asked.compareTo(backoff) > 0) ? asked : backoff;
		return (wait.compareTo(LONGEST_WAIT) > 0) ? LONGEST_WAIT : wait;
	}

	private static String describe(HttpRequest request, String failure) {
		String shortened = (failure.length() > 200) ? failure.substring(0, 200) + "…" : failure;
		return request.method() + " " + request.uri().getPath() + ": " + shortened;
	}

}
