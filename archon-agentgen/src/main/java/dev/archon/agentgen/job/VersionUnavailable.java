package dev.archon.agentgen.job;

import java.util.UUID;

/**
 * The files of a version of a job cannot be given: the version does not exist, or has not
 * made them.
 */
public abstract sealed class VersionUnavailable extends RuntimeException permits VersionNotFound, NoFilesYet {

	private final UUID jobId;

	private final int version;

	VersionUnavailable(UUID jobId, int version, String message) {
		super(message);
		this.jobId = jobId;
		this.version = version;
	}

	public UUID jobId() {
		return this.jobId;
	}

	public int version() {
		return this.version;
	}

}
