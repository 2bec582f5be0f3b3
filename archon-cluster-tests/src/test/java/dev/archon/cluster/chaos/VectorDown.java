package dev.archon.cluster.chaos;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scenario 7: every archon-vector instance down. Searches and ingestions fail meanwhile;
 * generation goes on without documentation and says so on the job ({@code grounded}
 * false).
 */
final class VectorDown implements Fault {

	private static final Duration JOB_PATIENCE = Duration.ofSeconds(90);

	private final JsonMapper json;

	VectorDown(JsonMapper json) {
		this.json = json;
	}

	@Override
	public String name() {
		return "vector-down";
	}

	@Override
	public void inject(Cluster cluster) throws Exception {
		cluster.stop("vector-1");
		cluster.stop("vector-2");
	}

	@Override
	public void whileBroken(Cluster cluster, Api api, Duration outage, List<String> violations) throws Exception {
		HttpResponse<String> accepted = api.sendOnce(api.post("/api/v1/agents",
				"{\"description\":\"An agent that answers questions while the documentation is away\","
						+ "\"refinements\":0,\"cache\":false}"));
		if (accepted.statusCode() != 202) {
			violations
				.add("a generation during the outage was refused: " + accepted.statusCode() + " " + accepted.body());
			return;
		}
		UUID id = UUID.fromString(this.json.readTree(accepted.body()).get("id").asString());
		JsonNode job = Jobs.awaitFinished(api, this.json, id, Instant.now().plus(JOB_PATIENCE))
			.orElse(this.json.createObjectNode().put("status", "unfinished"));
		if (!job.path("status").asString("").equals("succeeded") || job.path("grounded").asBoolean(true)) {
			violations.add("a job generated without archon-vector did not succeed ungrounded: status "
					+ job.path("status") + ", grounded " + job.path("grounded") + ", error " + job.path("error"));
		}
	}

	@Override
	public void heal(Cluster cluster) throws Exception {
		cluster.restore();
	}

	@Override
	public boolean failsRequestsByDesign() {
		return true;
	}

}
