package dev.archon.cluster.chaos;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scenario 5: the simulated Home Assistant drops its WebSocket, then stops answering
 * (every answer held for ten minutes, as an unreachable host holds a connection). The
 * bridges serve their cached states marked {@code stale} with their age, refuse commands
 * at once with 503, and resynchronise once Home Assistant answers again.
 */
final class HomeAssistantOutage implements Fault {

	private static final String FAULTS = "/_sim/ha/faults";

	private static final Duration SETTLE = Duration.ofSeconds(3);

	private static final Duration RESYNC_PATIENCE = Duration.ofSeconds(60);

	private final JsonMapper json;

	private final Duration llmLatency;

	/**
	 * The fault.
	 * @param json to read the states
	 * @param llmLatency the simulated providers' latency, set again once the simulator is
	 * back
	 */
	HomeAssistantOutage(JsonMapper json, Duration llmLatency) {
		this.json = json;
		this.llmLatency = llmLatency;
	}

	@Override
	public String name() {
		return "home-assistant-outage";
	}

	@Override
	public Duration outage(Mode mode) {
		return mode.outage(Duration.ofSeconds(20));
	}

	@Override
	public void inject(Cluster cluster) throws Exception {
		cluster.simFault(FAULTS, "{\"mode\":\"drop-websocket\"}");
		cluster.stop("sim");
	}

	@Override
	public void whileBroken(Cluster cluster, Api api, Duration outage, List<String> violations) throws Exception {
		Thread.sleep(SETTLE);
		JsonNode page = this.json.readTree(api.sendOnce(api.get("/api/v1/ha/states?domain=light")).body());
		if (!page.path("stale").asBoolean(false)) {
			violations.add("states read during the outage are not marked stale: " + page.path("stale") + ", age "
					+ page.path("ageSeconds"));
		}
		try {
			long started = System.nanoTime();
			HttpResponse<String> command = api.sendOnce(
					api.post("/api/v1/ha/services/light/turn_on", "{\"target\":{\"entity_id\":\"light.kitchen\"}}"));
			Duration took = Duration.ofNanos(System.nanoTime() - started);
			System.out.printf("Chaos: a command during the Home Assistant outage answered %d after %d ms%n",
					command.statusCode(), took.toMillis());
			if (command.statusCode() != 503) {
				violations.add("a command during the outage answered " + command.statusCode() + ", not 503: "
						+ command.body());
			}
			else {
				Refusals.check(command, violations);
			}
		}
		catch (IOException ex) {
			violations.add("a command during the outage got no answer in time: " + ex);
		}
	}

	@Override
	public void heal(Cluster cluster) throws Exception {
		cluster.restore();
		cluster.simLatency(this.llmLatency);
	}

	@Override
	public void afterRecovery(Cluster cluster, Api api, List<String> violations) throws Exception {
		Instant deadline = Instant.now().plus(RESYNC_PATIENCE);
		JsonNode page;
		do {
			page = this.json.readTree(api.sendOnce(api.get("/api/v1/ha/states?domain=light")).body());
			if (page.path("synchronised").asBoolean(false)) {
				return;
			}
			Thread.sleep(500);
		}
		while (Instant.now().isBefore(deadline));
		violations.add("a bridge did not resynchronise within " + RESYNC_PATIENCE.toSeconds()
				+ " s of Home Assistant's return: " + page.path("ageSeconds") + " s stale");
	}

	@Override
	public boolean failsRequestsByDesign() {
		return true;
	}

}
