package dev.archon.api.wire.agents;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The last event of a version: it succeeded, failed or was cancelled. Each is sent as
 * {@code done}, with the version's {@code status}, so that a client stops on one event
 * name whatever the outcome.
 */
@JsonIgnoreProperties(value = "status", allowGetters = true)
public sealed interface JobFinished extends JobEvent permits JobSucceeded, JobFailed, JobCancelled {

	/** The SSE event name of every finished version. */
	String STREAM_NAME = "done";

	@JsonProperty
	JobStatus status();

	@Override
	default String streamName() {
		return STREAM_NAME;
	}

}
