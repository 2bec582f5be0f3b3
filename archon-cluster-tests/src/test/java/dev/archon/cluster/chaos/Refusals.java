package dev.archon.cluster.chaos;

import java.net.http.HttpResponse;
import java.util.List;

/**
 * What every refusal under a fault must be: RFC 9457 problem+json that tells the client
 * when to come back.
 */
final class Refusals {

	private Refusals() {
	}

	/**
	 * Adds a violation unless the answer is problem+json with a {@code Retry-After}.
	 * @param response a refusal
	 * @param violations where to say what it lacks
	 */
	static void check(HttpResponse<String> response, List<String> violations) {
		String what = response.request().method() + " " + response.request().uri().getPath() + " -> "
				+ response.statusCode();
		if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
			violations.add(what + " is not problem+json: " + response.body());
		}
		if (response.headers().firstValue("Retry-After").isEmpty()) {
			violations.add(what + " has no Retry-After");
		}
	}

}
