package dev.archon.cluster.chaos;

import java.time.Duration;
import java.util.Locale;

/**
 * How long the suite breaks things: {@code quick} (seconds, inside {@code ./archon test})
 * or {@code full} (the durations of issue 12, {@code ./archon chaos}).
 */
enum Mode {

	QUICK(Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(5)),

	FULL(Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofSeconds(15));

	private final Duration warmUp;

	private final Duration outage;

	private final Duration recovery;

	Mode(Duration warmUp, Duration outage, Duration recovery) {
		this.warmUp = warmUp;
		this.outage = outage;
		this.recovery = recovery;
	}

	/**
	 * The mode {@code ARCHON_CHAOS} names, quick when unset.
	 * @return the mode
	 */
	static Mode fromEnvironment() {
		String name = System.getenv("ARCHON_CHAOS");
		return (name == null || name.isBlank()) ? QUICK : valueOf(name.trim().toUpperCase(Locale.ROOT));
	}

	/**
	 * How long the load runs before the fault, so that jobs are in flight when it hits.
	 */
	Duration warmUp() {
		return this.warmUp;
	}

	/** How long the load runs after the repair, so that recovery is measured too. */
	Duration recovery() {
		return this.recovery;
	}

	/** How long a fault lasts when the issue names no duration for it. */
	Duration outage() {
		return this.outage;
	}

	/**
	 * How long a fault lasts that the issue gives a duration.
	 * @param full that duration
	 * @return it in full mode, the short outage in quick mode
	 */
	Duration outage(Duration full) {
		return (this == FULL) ? full : this.outage;
	}

}
