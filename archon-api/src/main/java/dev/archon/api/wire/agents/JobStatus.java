package dev.archon.api.wire.agents;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a generation job, or one of its versions, is. On the wire and in the database it
 * is its lower-case name.
 */
public enum JobStatus {

	QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

	@JsonValue
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	public boolean finished() {
		return this == SUCCEEDED || this == FAILED || this == CANCELLED;
	}

	/**
	 * The status of a lower-case name.
	 * @param id such as {@code queued}
	 * @return the status, empty for a name that is none
	 */
	public static Optional<JobStatus> of(String id) {
		for (JobStatus status : values()) {
			if (status.id().equals(id)) {
				return Optional.of(status);
			}
		}
		return Optional.empty();
	}

}
