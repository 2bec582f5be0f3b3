package dev.archon.ha.client;

import org.jspecify.annotations.Nullable;

/**
 * Home Assistant answered a command or a REST call with an error, or could not be
 * reached.
 */
public class CommandFailed extends RuntimeException {

	private final Outcome outcome;

	private final @Nullable String code;

	public CommandFailed(Outcome outcome, @Nullable String code, String message) {
		super(message);
		this.outcome = outcome;
		this.code = code;
	}

	public CommandFailed(Outcome outcome, String message, Throwable cause) {
		super(message, cause);
		this.outcome = outcome;
		this.code = null;
	}

	public Outcome outcome() {
		return this.outcome;
	}

	/**
	 * Home Assistant's error code, such as {@code not_found} or
	 * {@code home_assistant_error}.
	 * @return the code, or {@code null} when there was no answer
	 */
	public @Nullable String code() {
		return this.code;
	}

	/**
	 * What is known about a failed command's effect.
	 */
	public enum Outcome {

		/** Home Assistant refused the command as invalid: it had no effect. */
		REJECTED,

		/** Home Assistant failed while running it. */
		FAILED,

		/** The command was never sent: it had no effect. */
		NOT_SENT,

		/** The command was sent but its answer was lost: it may or may not have run. */
		UNKNOWN

	}

}
