package dev.archon.sim.llm;

import org.jspecify.annotations.Nullable;

/**
 * How an affected request misbehaves.
 */
public enum FaultMode {

	/** Answer an HTTP error status with the provider's error body. */
	STATUS("status"),

	/** Hold the request without answering, until the client gives up. */
	TIMEOUT("timeout"),

	/** Delay the first token (or the whole non-streamed answer). */
	SLOW("slow"),

	/** Send part of the answer, then close the connection without finishing it. */
	DROP_MID_STREAM("drop-mid-stream"),

	/**
	 * Start a 200 stream, send some tokens, then an error in the stream itself:
	 * Anthropic's {@code event: error} ({@code overloaded_error} by default), OpenAI's
	 * {@code data: {"error": …}}.
	 */
	ERROR_EVENT("error-event");

	private final String id;

	FaultMode(String id) {
		this.id = id;
	}

	/**
	 * The name used in the control API.
	 * @return the mode's name
	 */
	public String id() {
		return this.id;
	}

	/**
	 * Looks a mode up by its control API name.
	 * @param id the name
	 * @return the mode, or {@code null} if there is none of that name
	 */
	public static @Nullable FaultMode of(@Nullable String id) {
		for (FaultMode mode : values()) {
			if (mode.id.equals(id)) {
				return mode;
			}
		}
		return null;
	}

}
