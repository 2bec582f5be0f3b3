package dev.archon.ha;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

/**
 * A client of the bridge under test, as an API user calls it: with the test's key, and
 * handing every answer back, errors included, so that tests assert on statuses and
 * problem bodies themselves.
 */
final class BridgeApi {

	private BridgeApi() {
	}

	static RestClient client(int port) {
		return RestClient.builder()
			.baseUrl("http://localhost:" + port)
			.defaultHeader("Authorization", "Bearer test-key")
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
			})
			.build();
	}

}
