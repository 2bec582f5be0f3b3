package dev.archon.ha.control;

import java.time.Duration;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A call is refused at once rather than sent to a Home Assistant that cannot take it: the
 * circuit breaker is open after too many failures, or Home Assistant cannot be reached at
 * all.
 */
public class HomeAssistantUnavailable extends RuntimeException {

	private final Reason reason;

	private final Duration retryAfter;

	private HomeAssistantUnavailable(Reason reason, String message, Duration retryAfter, @Nullable Throwable cause) {
		super(message, cause);
		this.reason = reason;
		this.retryAfter = retryAfter;
	}

	static HomeAssistantUnavailable circuitOpen(Duration retryAfter) {
		return new HomeAssistantUnavailable(Reason.CIRCUIT_OPEN,
				"Home Assistant failed too often recently; calls are paused for a moment to let it recover", retryAfter,
				null);
	}

	static HomeAssistantUnavailable unreachable(Duration retryAfter, @Nullable Throwable cause) {
		return new HomeAssistantUnavailable(Reason.UNREACHABLE,
				"Home Assistant cannot be reached, so the call was not sent; the bridge keeps reconnecting and"
						+ " serves the last known states, marked stale, meanwhile",
				retryAfter, cause);
	}

	Reason reason() {
		return this.reason;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

	/**
	 * Why calls are refused.
	 */
	enum Reason {

		/** The circuit breaker is open. */
		CIRCUIT_OPEN,

		/** Neither the WebSocket nor the REST API reaches Home Assistant. */
		UNREACHABLE;

		/**
		 * The reason as a metric tag.
		 * @return the reason in lower case
		 */
		String tag() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
