package dev.archon.agentgen.job;

import java.util.UUID;

import dev.archon.api.wire.agents.JobStatus;

/**
 * A job was asked for something that its status does not allow.
 */
public abstract sealed class JobStateConflict extends RuntimeException permits JobNotCancellable, JobNotRefinable {

	private final UUID jobId;

	private final JobStatus status;

	JobStateConflict(UUID jobId, JobStatus status, String message) {
		super(message);
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
