package dev.archon.api.wire.agents;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * The job was cancelled while a version was queued or running.
 *
 * @param version that version
 */
@JsonTypeName("job-cancelled")
public record JobCancelled(int version) implements JobFinished {

	@Override
	public JobStatus status() {
		return JobStatus.CANCELLED;
	}

}
