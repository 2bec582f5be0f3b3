package dev.archon.cluster.chaos;

/**
 * What a scenario's load left behind, once every job it had accepted was given time to
 * finish.
 *
 * @param jobs jobs the cluster accepted
 * @param unfinished of those, jobs that never finished
 * @param failed of those, jobs that finished other than {@code succeeded}
 * @param finishedTwice jobs whose stream said {@code done} more than once
 * @param missedEvents events in the jobs' streams that their followers never saw
 * @param reconnects how often the followers reconnected with {@code Last-Event-ID}
 * @param documents documents the cluster acknowledged as ingested
 * @param missingDocuments of those, documents the store does not have
 */
record LostWork(int jobs, int unfinished, int failed, int finishedTwice, int missedEvents, int reconnects,
		int documents, int missingDocuments) {

	/**
	 * Accepted work that is gone or was done twice: the suite's bar is zero.
	 * @return jobs that never finished or finished twice, and documents missing
	 */
	int lost() {
		return this.unfinished + this.finishedTwice + this.missingDocuments;
	}

}
