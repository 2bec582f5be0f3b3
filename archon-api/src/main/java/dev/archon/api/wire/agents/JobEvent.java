package dev.archon.api.wire.agents;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * Something that happened to a generation job, as stored for replay and sent on
 * {@code GET /api/v1/agents/{id}/events}. Its JSON names its {@code type}, from the
 * {@link JsonTypeName} of each record, so that a reader of the data alone knows what it
 * holds.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(JobQueued.class), @JsonSubTypes.Type(JobStarted.class),
		@JsonSubTypes.Type(StepStarted.class), @JsonSubTypes.Type(StepSucceeded.class),
		@JsonSubTypes.Type(StepFailed.class), @JsonSubTypes.Type(StepRestarted.class),
		@JsonSubTypes.Type(FailedOver.class), @JsonSubTypes.Type(RetrievalFailed.class),
		@JsonSubTypes.Type(JobSucceeded.class), @JsonSubTypes.Type(JobFailed.class),
		@JsonSubTypes.Type(JobCancelled.class) })
public sealed interface JobEvent permits JobQueued, JobStarted, StepStarted, StepSucceeded, StepFailed, StepRestarted,
		FailedOver, RetrievalFailed, JobFinished {

	/**
	 * The event's type, as its JSON names it.
	 * @return such as {@code step-started}
	 */
	default String type() {
		return typeOf(getClass());
	}

	/**
	 * The SSE {@code event:} name the event is sent with: its type, but for the events
	 * that finish a version.
	 * @return the name
	 */
	default String streamName() {
		return type();
	}

	/**
	 * The type of a kind of event, for the places that write one without the record: SQL
	 * that builds its JSON.
	 * @param kind the event's record
	 * @return its type, such as {@code job-started}
	 */
	static String typeOf(Class<? extends JobEvent> kind) {
		return kind.getAnnotation(JsonTypeName.class).value();
	}

}
