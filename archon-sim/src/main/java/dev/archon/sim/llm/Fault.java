package dev.archon.sim.llm;

import org.jspecify.annotations.Nullable;

/**
 * A fault injected into one provider.
 *
 * @param mode how affected requests misbehave
 * @param status the HTTP status for {@link FaultMode#STATUS}, and the error type of
 * {@link FaultMode#ERROR_EVENT}
 * @param ratePpm the share of requests affected, in parts per million
 * @param ms the delay of {@link FaultMode#SLOW}, or how long {@link FaultMode#TIMEOUT}
 * holds a request (0: the simulator's upper bound)
 * @param code an error code for the body, such as {@code insufficient_quota},
 * {@code context_length_exceeded} or {@code model_not_found}
 * @param retryAfterSeconds the {@code Retry-After} of 429, 503 and 529 answers
 */
public record Fault(FaultMode mode, int status, long ratePpm, long ms, @Nullable String code, int retryAfterSeconds) {

	static final long ALL = 1_000_000;

	/**
	 * Whether the request with the given 1-based sequence number is affected. Counting
	 * rather than drawing random numbers keeps tests stable: of the first {@code k}
	 * requests, exactly {@code floor(k * rate)} are affected, the first one being request
	 * {@code ceil(1 / rate)}.
	 * @param sequence the request's 1-based number since the fault was set
	 * @return whether the fault applies to it
	 */
	boolean affects(long sequence) {
		return (sequence * this.ratePpm) / ALL > ((sequence - 1) * this.ratePpm) / ALL;
	}

}
