package dev.archon.agentgen.job;

import java.util.UUID;

import dev.archon.api.wire.agents.JobStatus;

/**
 * A job was asked to be cancelled after it had finished.
 */
public final class JobNotCancellable extends JobStateConflict {

	JobNotCancellable(UUID jobId, JobStatus status) {
		super(jobId, status, "Job " + jobId + " is " + status.id() + " and cannot be cancelled");
	}

}
