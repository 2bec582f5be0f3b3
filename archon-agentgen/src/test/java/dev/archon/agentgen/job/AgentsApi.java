package dev.archon.agentgen.job;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.archon.test.secrets.TestSecrets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.awaitility.Awaitility.await;

/**
 * The agents API of one test instance, as the integration tests call it: with the test
 * key, submitting jobs and following them to their end.
 */
final class AgentsApi {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final String base;

	private final RestClient client;

	AgentsApi(int port) {
		this.base = "http://localhost:" + port;
		this.client = RestClient.builder()
			.baseUrl(this.base)
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestSecrets.API_KEY)
			.build();
	}

	RestClient client() {
		return this.client;
	}

	ResponseEntity<String> post(String body, @Nullable String idempotencyKey) {
		return this.client.post().uri("/api/v1/agents").contentType(MediaType.APPLICATION_JSON).headers((headers) -> {
			if (idempotencyKey != null) {
				headers.set("Idempotency-Key", idempotencyKey);
			}
		}).body(body).retrieve().toEntity(String.class);
	}

	/**
	 * Submits a job with one refinement round that no cached result can answer.
	 * @param description the start of the description, made unique here
	 * @return the job's location
	 */
	String submit(String description) {
		return post(
				"{\"description\":\"" + description + " " + UUID.randomUUID() + "\",\"refinements\":1,\"cache\":false}",
				null)
			.getHeaders()
			.getLocation()
			.toString();
	}

	JsonNode get(String location) {
		return json.readTree(this.client.get().uri(location).retrieve().body(String.class));
	}

	JsonNode awaitFinished(String location) {
		return await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> get(location),
					(job) -> List.of("succeeded", "failed", "cancelled").contains(job.path("status").asString()));
	}

	List<SseClient.Event> events(String location, @Nullable String lastEventId)
			throws IOException, InterruptedException {
		return SseClient.read(this.base + location + "/events", lastEventId);
	}

}
