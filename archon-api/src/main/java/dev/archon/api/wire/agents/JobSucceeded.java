package dev.archon.api.wire.agents;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * A version's files were made and stored.
 *
 * @param version the version
 * @param degraded whether the built-in template provider wrote any of it
 * @param validationPassed whether no validation check failed
 * @param cached whether the result cache answered, with no step run
 */
@JsonTypeName("job-succeeded")
public record JobSucceeded(int version, boolean degraded, boolean validationPassed,
		boolean cached) implements JobFinished {

	@Override
	public JobStatus status() {
		return JobStatus.SUCCEEDED;
	}

}
