package dev.archon.agentgen.job;

import java.util.UUID;

import dev.archon.api.wire.agents.JobStatus;

/**
 * A message came for a job whose latest version has not succeeded: a version is being
 * made, or the last one failed or was cancelled, so there is nothing to refine.
 */
public class JobNotRefinable extends RuntimeException {

	private final UUID jobId;

	private final JobStatus status;

	JobNotRefinable(UUID jobId, JobStatus status) {
		super("Job " + jobId + " is " + status.id() + "; only a succeeded job takes messages");
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
