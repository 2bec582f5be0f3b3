package dev.archon.cluster.chaos;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generation jobs as a client waits for them.
 */
final class Jobs {

	private static final Set<String> FINISHED = Set.of("succeeded", "failed", "cancelled");

	private static final Duration POLL = Duration.ofMillis(500);

	private Jobs() {
	}

	/**
	 * Polls a job until it has finished.
	 * @param api the API
	 * @param json to read the job
	 * @param id the job
	 * @param deadline when to give up
	 * @return the finished job, empty when it had not finished by the deadline
	 */
	static Optional<JsonNode> awaitFinished(Api api, JsonMapper json, UUID id, Instant deadline)
			throws InterruptedException {
		while (Instant.now().isBefore(deadline)) {
			try {
				HttpResponse<String> response = api.sendOnce(api.get("/api/v1/agents/" + id));
				if (response.statusCode() == 200) {
					JsonNode job = json.readTree(response.body());
					if (FINISHED.contains(job.path("status").asString(""))) {
						return Optional.of(job);
					}
				}
			}
			catch (IOException ex) {
				// Asked again below: a scenario's recovery may still be settling.
			}
			Thread.sleep(POLL);
		}
		return Optional.empty();
	}

}
