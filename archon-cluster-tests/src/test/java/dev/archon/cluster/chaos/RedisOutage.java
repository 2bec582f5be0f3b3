package dev.archon.cluster.chaos;

import java.time.Duration;

/**
 * Scenario 3: Redis stopped, then started. Caches fall back to each instance's own, job
 * events to the job's rows; after the restart both come back without a service restart.
 */
final class RedisOutage implements Fault {

	@Override
	public String name() {
		return "redis-outage";
	}

	@Override
	public Duration outage(Mode mode) {
		return mode.outage(Duration.ofSeconds(30));
	}

	@Override
	public void inject(Cluster cluster) throws Exception {
		cluster.stopRedis();
	}

	@Override
	public void heal(Cluster cluster) throws Exception {
		cluster.startRedis();
	}

}
