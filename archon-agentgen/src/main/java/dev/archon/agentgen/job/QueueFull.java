package dev.archon.agentgen.job;

import java.time.Duration;

/**
 * Too many jobs are queued to accept another.
 */
public class QueueFull extends RuntimeException {

	private final Duration retryAfter;

	QueueFull(int queued, Duration retryAfter) {
		super(queued + " jobs are queued; try again later");
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

}
