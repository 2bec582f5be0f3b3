package dev.archon.cluster.chaos;

import java.util.List;

/**
 * Scenario 1: kill -9 of the first instance of every service. NGINX retries idempotent
 * requests on the survivors; a job whose worker died is claimed again once its lease runs
 * out; its followers reconnect with {@code Last-Event-ID}.
 */
final class InstancesKilled implements Fault {

	private static final List<String> VICTIMS = List.of("agentgen-1", "vector-1", "ha-bridge-1");

	@Override
	public String name() {
		return "instances-killed";
	}

	@Override
	public void inject(Cluster cluster) throws Exception {
		for (String instance : VICTIMS) {
			cluster.kill(instance);
		}
	}

	@Override
	public void heal(Cluster cluster) throws Exception {
		cluster.restore();
	}

}
