package dev.archon.agentgen.llm;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A provider call that failed, classified.
 */
class ProviderFailure extends RuntimeException {

	private final FailureKind kind;

	private final @Nullable Duration retryAfter;

	ProviderFailure(FailureKind kind, String message, @Nullable Duration retryAfter, @Nullable Throwable cause) {
		super(message, cause);
		this.kind = kind;
		this.retryAfter = retryAfter;
	}

	FailureKind kind() {
		return this.kind;
	}

	@Nullable Duration retryAfter() {
		return this.retryAfter;
	}

}
