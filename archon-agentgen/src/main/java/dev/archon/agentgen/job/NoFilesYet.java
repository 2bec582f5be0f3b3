package dev.archon.agentgen.job;

import java.util.UUID;

/**
 * The files of a version were asked for before they were made: the version is queued or
 * running, or it failed.
 */
public final class NoFilesYet extends VersionUnavailable {

	NoFilesYet(UUID jobId, int version) {
		super(jobId, version, "Version " + version + " of job " + jobId + " has no files yet");
	}

}
