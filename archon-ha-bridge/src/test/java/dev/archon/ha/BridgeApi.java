package dev.archon.ha;

import java.net.http.HttpClient;
import java.time.Duration;

import dev.archon.test.secrets.TestSecrets;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
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
		return builder(port).build();
	}

	/**
	 * A client that gives up on an answer after a while, for a test that shows the bridge
	 * answers without waiting on timeouts of its own that are far longer.
	 * @param port the bridge's port
	 * @param patience how long the client waits for an answer
	 * @return the client
	 */
	static RestClient client(int port, Duration patience) {
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newHttpClient());
		requests.setReadTimeout(patience);
		return builder(port).requestFactory(requests).build();
	}

	private static RestClient.Builder builder(int port) {
		return RestClient.builder()
			.baseUrl("http://localhost:" + port)
			.defaultHeader("Authorization", "Bearer " + TestSecrets.API_KEY)
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
			});
	}

}
