package dev.archon.sim.thirdparty;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request one of the fakes received, and what it answered.
 *
 * @param api the fake, such as {@code github} or {@code slack}
 * @param method the HTTP method
 * @param path the path below the fake's prefix, such as
 * {@code /repos/octo-org/octo-repo/issues}
 * @param query the query parameters, decoded
 * @param headers the request headers, by lower-case name
 * @param body the request body as text, empty when there was none
 * @param status the status the fake answered
 * @param response the body the fake answered, as text
 */
public record ReceivedRequest(String api, String method, String path, Map<String, List<String>> query,
		Map<String, String> headers, String body, int status, String response) {

	/**
	 * One request header.
	 * @param name its name, in any case
	 * @return its value, or an empty string when it was not sent
	 */
	public String header(String name) {
		return this.headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
	}

}
