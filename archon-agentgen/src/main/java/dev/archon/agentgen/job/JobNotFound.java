package dev.archon.agentgen.job;

import java.util.UUID;

/**
 * No job has this id.
 */
public class JobNotFound extends RuntimeException {

	private final UUID jobId;

	JobNotFound(UUID jobId) {
		super("No agent job " + jobId);
		this.jobId = jobId;
	}

	public UUID jobId() {
		return this.jobId;
	}

}
