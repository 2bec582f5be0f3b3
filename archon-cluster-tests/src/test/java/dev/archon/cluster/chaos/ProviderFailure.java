package dev.archon.cluster.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scenario 6: the first LLM provider (simulated OpenAI) answers 503, then times out, then
 * answers 401. Jobs fail over to the next provider; once the provider recovers, its
 * circuit closes again on every instance.
 */
final class ProviderFailure implements Fault {

	private static final String FAULTS = "/_sim/llm/faults";

	private static final List<String> FAILURES = List.of("{\"provider\":\"openai\",\"mode\":\"status\",\"status\":503}",
			"{\"provider\":\"openai\",\"mode\":\"timeout\"}",
			"{\"provider\":\"openai\",\"mode\":\"status\",\"status\":401}");

	private static final Duration CLOSE_PATIENCE = Duration.ofSeconds(90);

	private final JsonMapper json;

	private final Duration latency;

	/**
	 * The fault.
	 * @param json to read the providers' state
	 * @param latency the simulated providers' latency, set again after the repair (which
	 * clears it with the faults)
	 */
	ProviderFailure(JsonMapper json, Duration latency) {
		this.json = json;
		this.latency = latency;
	}

	@Override
	public String name() {
		return "llm-provider-failure";
	}

	@Override
	public void inject(Cluster cluster) throws Exception {
		cluster.simFault(FAULTS, FAILURES.getFirst());
	}

	@Override
	public void whileBroken(Cluster cluster, Api api, Duration outage, List<String> violations) throws Exception {
		Duration each = outage.dividedBy(FAILURES.size());
		Thread.sleep(each);
		for (String failure : FAILURES.subList(1, FAILURES.size())) {
			cluster.simFault(FAULTS, failure);
			Thread.sleep(each);
		}
	}

	@Override
	public void heal(Cluster cluster) throws Exception {
		cluster.clearSimFaults(FAULTS);
		cluster.simLatency(this.latency);
	}

	@Override
	public void afterRecovery(Cluster cluster, Api api, List<String> violations) throws Exception {
		Instant deadline = Instant.now().plus(CLOSE_PATIENCE);
		Map<String, String> open;
		do {
			open = new TreeMap<>();
			for (Map.Entry<String, String> instance : cluster.providersOnEachInstance(api).entrySet()) {
				for (JsonNode provider : this.json.readTree(instance.getValue()).path("providers")) {
					if (provider.path("type").asString("").equals("openai")
							&& (!provider.path("circuit").asString("").equals("CLOSED")
									|| !provider.path("cooldownUntil").isNull())) {
						open.put(instance.getKey(), provider.toString());
					}
				}
			}
			if (open.isEmpty()) {
				return;
			}
			Thread.sleep(1000);
		}
		while (Instant.now().isBefore(deadline));
		violations.add("the first provider is still out of the pool " + CLOSE_PATIENCE.toSeconds()
				+ " s after it recovered: " + open);
	}

}
