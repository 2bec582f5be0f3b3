package dev.archon.ha.control;

import java.time.Duration;

/**
 * No permit to call Home Assistant came within the allowed wait.
 */
public class RateLimited extends RuntimeException {

	private final Duration retryAfter;

	RateLimited(int callsPerSecond, Duration retryAfter) {
		super("This bridge calls Home Assistant at most " + callsPerSecond
				+ " times a second and is at that limit; try again shortly");
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

}
