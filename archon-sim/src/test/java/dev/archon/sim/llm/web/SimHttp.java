package dev.archon.sim.llm.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.archon.test.secrets.TestSecrets;

/**
 * A plain {@link HttpClient} against the simulator, as the services' clients use it.
 */
final class SimHttp {

	static final String TOKEN = TestSecrets.SIMULATOR_TOKEN;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final String base;

	SimHttp(int port) {
		this.base = "http://localhost:" + port;
	}

	HttpResponse<String> post(String path, String json, String... headers) throws Exception {
		return send(request(path, headers).POST(HttpRequest.BodyPublishers.ofString(json)).build());
	}

	HttpResponse<String> get(String path, String... headers) throws Exception {
		return send(request(path, headers).GET().build());
	}

	HttpResponse<String> delete(String path, String... headers) throws Exception {
		return send(request(path, headers).DELETE().build());
	}

	/**
	 * Posts and fails with the client's timeout exception if no answer comes in time.
	 */
	HttpResponse<String> post(String path, String json, Duration timeout, String... headers) throws Exception {
		return send(request(path, headers).timeout(timeout).POST(HttpRequest.BodyPublishers.ofString(json)).build());
	}

	/**
	 * Posts and reads a streamed answer as far as it goes.
	 */
	Streamed stream(String path, String json, String... headers) throws Exception {
		HttpResponse<InputStream> response = this.client.send(
				request(path, headers).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
				HttpResponse.BodyHandlers.ofInputStream());
		ByteArrayOutputStream received = new ByteArrayOutputStream();
		IOException failure = null;
		try (InputStream body = response.body()) {
			body.transferTo(received);
		}
		catch (IOException ex) {
			failure = ex;
		}
		return new Streamed(response, received.toString(StandardCharsets.UTF_8), failure);
	}

	HttpResponse<String> control(String method, String path, String json) throws Exception {
		HttpRequest.Builder request = request(path, "Authorization", "Bearer " + TOKEN, "Content-Type",
				"application/json");
		return send(
				request
					.method(method,
							(json != null) ? HttpRequest.BodyPublishers.ofString(json)
									: HttpRequest.BodyPublishers.noBody())
					.build());
	}

	static JsonNode json(String text) {
		return JsonMapper.shared().readTree(text);
	}

	private HttpRequest.Builder request(String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(60));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return request;
	}

	private HttpResponse<String> send(HttpRequest request) throws Exception {
		return this.client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * A streamed answer: what arrived, and the error that ended it early, if any.
	 */
	record Streamed(HttpResponse<InputStream> response, String body, IOException failure) {

		/**
		 * The {@code data:} payloads, in order.
		 */
		List<String> data() {
			List<String> data = new ArrayList<>();
			for (String line : this.body.split("\n")) {
				if (line.startsWith("data: ")) {
					data.add(line.substring(6));
				}
			}
			return data;
		}

		/**
		 * The {@code event:} names, in order.
		 */
		List<String> events() {
			List<String> events = new ArrayList<>();
			for (String line : this.body.split("\n")) {
				if (line.startsWith("event: ")) {
					events.add(line.substring(7));
				}
			}
			return events;
		}

	}

}
