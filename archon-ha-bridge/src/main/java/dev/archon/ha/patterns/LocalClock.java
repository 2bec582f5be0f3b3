package dev.archon.ha.patterns;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

import org.jspecify.annotations.Nullable;

/**
 * Turns instants into the home's local time. The zone's offset is looked up once per
 * stretch between two transitions and reused while times stay inside it, which history
 * rows, read in time order, nearly always do. Not thread-safe: one per reader.
 */
final class LocalClock {

	static final long SECONDS_PER_DAY = 86_400;

	private final ZoneRules rules;

	private long validFrom = Long.MAX_VALUE;

	private long validUntil = Long.MIN_VALUE;

	private int offset;

	LocalClock(ZoneId zone) {
		this.rules = zone.getRules();
	}

	/**
	 * The local time of an instant, as seconds since 1970-01-01T00:00 local.
	 * @param epochSecond the instant
	 * @return the local seconds
	 */
	long local(long epochSecond) {
		if (epochSecond < this.validFrom || epochSecond >= this.validUntil) {
			Instant instant = Instant.ofEpochSecond(epochSecond);
			this.offset = this.rules.getOffset(instant).getTotalSeconds();
			@Nullable ZoneOffsetTransition previous = this.rules.previousTransition(instant.plusSeconds(1));
			@Nullable ZoneOffsetTransition next = this.rules.nextTransition(instant);
			this.validFrom = (previous != null) ? previous.toEpochSecond() : Long.MIN_VALUE;
			this.validUntil = (next != null) ? next.toEpochSecond() : Long.MAX_VALUE;
		}
		return epochSecond + this.offset;
	}

	/** The local day of local seconds, as days since 1970-01-01. */
	static long day(long localSeconds) {
		return Math.floorDiv(localSeconds, SECONDS_PER_DAY);
	}

	/** The minute of the local day of local seconds. */
	static int minuteOfDay(long localSeconds) {
		return (int) (Math.floorMod(localSeconds, SECONDS_PER_DAY) / 60);
	}

	/** The weekday of a local day, Monday 0 to Sunday 6 (1970-01-01 was a Thursday). */
	static int weekday(long day) {
		return (int) Math.floorMod(day + 3, 7);
	}

	/** Whether a local day is a Saturday or a Sunday. */
	static boolean isWeekend(long day) {
		return weekday(day) >= 5;
	}

}
