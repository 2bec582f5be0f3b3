package dev.archon.agentgen.llm;

import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

/**
 * A provider's tokens per minute ({@code tpm}), as a bucket that refills continuously. A
 * call reserves what it is expected to use before it goes out, and the reservation is
 * settled against the usage the provider reports afterwards. A provider whose bucket
 * cannot cover a call is skipped like a rate-limited one.
 */
final class TokenBudget {

	private static final double NANOS_PER_MINUTE = 60e9;

	private final long perMinute;

	private final LongSupplier nanos;

	private double available;

	private long refilledAt;

	/**
	 * A budget on the system's clock.
	 * @param perMinute tokens per minute, 0 for no limit
	 */
	TokenBudget(long perMinute) {
		this(perMinute, System::nanoTime);
	}

	TokenBudget(long perMinute, LongSupplier nanos) {
		this.perMinute = perMinute;
		this.nanos = nanos;
		this.available = perMinute;
		this.refilledAt = nanos.getAsLong();
	}

	boolean limited() {
		return this.perMinute > 0;
	}

	/**
	 * Takes a call's expected tokens from the budget, if it has them.
	 * @param tokens the estimate
	 * @return whether the call may go
	 */
	synchronized boolean tryReserve(long tokens) {
		if (!limited()) {
			return true;
		}
		refill();
		// A call larger than a whole minute's budget goes when the bucket is full, or it
		// never could.
		if (this.available < Math.min(tokens, this.perMinute)) {
			return false;
		}
		this.available -= tokens;
		return true;
	}

	/**
	 * Replaces a reservation with what the call used: the difference goes back to the
	 * budget, or is taken from it when the call used more than expected.
	 * @param reserved what {@link #tryReserve(long)} took
	 * @param used the tokens the provider reported, in and out
	 */
	synchronized void settle(long reserved, long used) {
		if (!limited()) {
			return;
		}
		refill();
		this.available = Math.min(this.perMinute, this.available + reserved - used);
	}

	/**
	 * The tokens a call could use now.
	 * @return whole tokens, or {@code null} when there is no limit
	 */
	synchronized @Nullable Long available() {
		if (!limited()) {
			return null;
		}
		refill();
		return (long) Math.floor(this.available);
	}

	private void refill() {
		long now = this.nanos.getAsLong();
		this.available = Math.min(this.perMinute,
				this.available + (now - this.refilledAt) * (this.perMinute / NANOS_PER_MINUTE));
		this.refilledAt = now;
	}

}
