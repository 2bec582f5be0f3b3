package dev.archon.agentgen.job;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import dev.archon.test.secrets.TestSecrets;

/**
 * Reads a Server-Sent Events stream until its end.
 */
final class SseClient {

	private SseClient() {
	}

	static List<Event> read(String url, String lastEventId) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", "Bearer " + TestSecrets.API_KEY)
			.header("Accept", "text/event-stream")
			.timeout(Duration.ofMinutes(2));
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		List<Event> events = new ArrayList<>();
		try (HttpClient client = HttpClient.newHttpClient()) {
			HttpResponse<Stream<String>> response = client.send(request.build(), HttpResponse.BodyHandlers.ofLines());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("SSE answered " + response.statusCode());
			}
			String id = null;
			String name = null;
			StringBuilder data = new StringBuilder();
			Iterator<String> lines = response.body().iterator();
			while (lines.hasNext()) {
				String line = lines.next();
				if (line.isEmpty()) {
					if (name != null) {
						events.add(new Event(id, name, data.toString()));
					}
					id = null;
					name = null;
					data.setLength(0);
				}
				else if (line.startsWith("id:")) {
					id = line.substring(3).trim();
				}
				else if (line.startsWith("event:")) {
					name = line.substring(6).trim();
				}
				else if (line.startsWith("data:")) {
					data.append(line.substring(5));
				}
			}
		}
		return events;
	}

	record Event(String id, String type, String data) {

	}

}
