package dev.archon.ha.control;

import java.time.Duration;

/**
 * The circuit breaker toward Home Assistant is open after too many failures.
 */
public class HomeAssistantUnavailable extends RuntimeException {

	private final Duration retryAfter;

	public HomeAssistantUnavailable(Duration retryAfter) {
		super("Home Assistant failed too often recently; calls are paused for a moment to let it recover");
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

}
