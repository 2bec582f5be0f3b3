package dev.archon.agentgen.job;

import java.util.UUID;

import dev.archon.api.wire.agents.JobStatus;

/**
 * A job was asked to be cancelled after it had finished.
 */
public class JobNotCancellable extends RuntimeException {

	private final UUID jobId;

	private final JobStatus status;

	JobNotCancellable(UUID jobId, JobStatus status) {
		super("Job " + jobId + " is " + status.id() + " and cannot be cancelled");
		this.jobId = jobId;
		this.status = status;
	}

	public UUID jobId() {
		return this.jobId;
	}

	public JobStatus status() {
		return this.status;
	}

}
