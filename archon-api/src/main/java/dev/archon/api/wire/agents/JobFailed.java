package dev.archon.api.wire.agents;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * A version failed: a step failed for good.
 *
 * @param version the version
 * @param error why
 */
@JsonTypeName("job-failed")
public record JobFailed(int version, String error) implements JobFinished {

	@Override
	public JobStatus status() {
		return JobStatus.FAILED;
	}

}
