package dev.archon.agentgen.job;

import java.util.UUID;

import dev.archon.api.wire.agents.JobStatus;

/**
 * A message came for a job whose latest version has not succeeded: a version is being
 * made, or the last one failed or was cancelled, so there is nothing to refine.
 */
public final class JobNotRefinable extends JobStateConflict {

	JobNotRefinable(UUID jobId, JobStatus status) {
		super(jobId, status, "Job " + jobId + " is " + status.id() + "; only a succeeded job takes messages");
	}

}
