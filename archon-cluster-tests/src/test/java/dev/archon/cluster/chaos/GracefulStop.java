package dev.archon.cluster.chaos;

/**
 * Scenario 2: SIGTERM to an agentgen instance in the middle of its jobs. Its workers hand
 * their jobs back, so they go on at once on the other instance.
 */
final class GracefulStop implements Fault {

	@Override
	public String name() {
		return "graceful-stop";
	}

	@Override
	public void inject(Cluster cluster) throws Exception {
		cluster.stop("agentgen-1");
	}

	@Override
	public void heal(Cluster cluster) throws Exception {
		cluster.restore();
	}

}
