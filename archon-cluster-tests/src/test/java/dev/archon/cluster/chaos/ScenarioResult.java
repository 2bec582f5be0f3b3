package dev.archon.cluster.chaos;

import java.util.List;

/**
 * What one scenario measured: the figures of {@code bench/results/chaos.json}.
 *
 * @param scenario its name
 * @param outageSeconds how long the fault lasted, repair included
 * @param sent requests the load sent, each counted once however often it was retried
 * @param failed of those, requests that failed after their retries
 * @param retried how many times a request was sent again after a transient failure
 * @param lost accepted work lost or done twice (see {@link LostWork#lost()})
 * @param errorRate {@code failed / sent}
 * @param maxErrorRate the bound the scenario is held to
 * @param work the load's work in detail
 * @param violations what did not hold while the fault lasted or after it
 * @param failures a sample of the failed requests
 */
record ScenarioResult(String scenario, long outageSeconds, long sent, long failed, long retried, int lost,
		double errorRate, double maxErrorRate, LostWork work, List<String> violations, List<String> failures) {

	/** Enough of a repeated violation to read it. */
	private static final int VIOLATIONS_SHOWN = 10;

	static ScenarioResult of(String scenario, long outageSeconds, Tally tally, LostWork work, double maxErrorRate,
			List<String> violations) {
		long sent = tally.sentCount();
		double errorRate = (sent > 0) ? (double) tally.failedCount() / sent : 0;
		return new ScenarioResult(scenario, outageSeconds, sent, tally.failedCount(), tally.retriedCount(), work.lost(),
				errorRate, maxErrorRate, work, violations.stream().distinct().limit(VIOLATIONS_SHOWN).toList(),
				tally.sampleOfFailures());
	}

	String summary() {
		return String.format(
				"Chaos: %-24s outage %3d s  sent %6d  failed %4d  retried %4d  lost %d  error rate %.2f %% (bound %.2f %%)"
						+ "  jobs %d (failed %d, missed events %d, reconnects %d)  documents %d",
				this.scenario, this.outageSeconds, this.sent, this.failed, this.retried, this.lost,
				this.errorRate * 100, this.maxErrorRate * 100, this.work.jobs(), this.work.failed(),
				this.work.missedEvents(), this.work.reconnects(), this.work.documents());
	}

}
