package dev.archon.agentgen.llm;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Every provider that may answer a call failed or was out of the pool. Only a call that
 * the built-in template provider does not answer can end so.
 */
public class NoProviderAvailable extends RuntimeException {

	private final @Nullable Duration retryAfter;

	NoProviderAvailable(String message, @Nullable Duration retryAfter) {
		super(message);
		this.retryAfter = retryAfter;
	}

	/**
	 * When the first provider that is cooling down comes back, if any is.
	 * @return how long until then, or {@code null} when no provider is cooling down
	 */
	public @Nullable Duration retryAfter() {
		return this.retryAfter;
	}

}
