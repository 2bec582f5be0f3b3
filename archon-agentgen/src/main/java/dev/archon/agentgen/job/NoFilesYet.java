package dev.archon.agentgen.job;

import java.util.UUID;

/**
 * The files of a job were asked for before its first version was made.
 */
public class NoFilesYet extends RuntimeException {

	private final UUID jobId;

	NoFilesYet(UUID jobId) {
		super("Job " + jobId + " has no files yet");
		this.jobId = jobId;
	}

	public UUID jobId() {
		return this.jobId;
	}

}
