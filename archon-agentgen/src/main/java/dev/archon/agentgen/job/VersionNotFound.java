package dev.archon.agentgen.job;

import java.util.UUID;

/**
 * A job has no version of this number: versions count from 1 to the job's latest.
 */
public final class VersionNotFound extends VersionUnavailable {

	VersionNotFound(UUID jobId, int version, int latest) {
		super(jobId, version, "Job " + jobId + " has versions 1 to " + latest + ", not " + version);
	}

}
