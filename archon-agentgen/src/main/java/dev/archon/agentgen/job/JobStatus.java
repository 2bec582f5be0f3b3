package dev.archon.agentgen.job;

import java.util.Locale;

/**
 * Where a job is.
 */
public enum JobStatus {

	QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	public boolean finished() {
		return this == SUCCEEDED || this == FAILED || this == CANCELLED;
	}

	static JobStatus of(String id) {
		return valueOf(id.toUpperCase(Locale.ROOT));
	}

}
