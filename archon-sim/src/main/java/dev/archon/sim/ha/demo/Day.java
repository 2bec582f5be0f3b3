package dev.archon.sim.ha.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import dev.archon.sim.ha.Timestamps;

/**
 * One local day of one entity's generated history: its random numbers (seeded by the
 * home's seed, the entity and the date, so that every day is reproducible on its own) and
 * helpers to place events at local times of day.
 */
final class Day {

	private static final long MICROS_PER_MINUTE = 60_000_000L;

	private final LocalDate date;

	private final long startMicros;

	private final long endMicros;

	private final SplittableRandom random;

	Day(long seed, String entityId, LocalDate date, ZoneId zone) {
		this.date = date;
		this.startMicros = Timestamps.micros(date.atStartOfDay(zone).toInstant());
		this.endMicros = Timestamps.micros(date.plusDays(1).atStartOfDay(zone).toInstant());
		this.random = new SplittableRandom(mix(seed, entityId, date.toEpochDay()));
	}

	LocalDate date() {
		return this.date;
	}

	boolean weekend() {
		DayOfWeek day = this.date.getDayOfWeek();
		return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
	}

	long startMicros() {
		return this.startMicros;
	}

	long endMicros() {
		return this.endMicros;
	}

	/**
	 * Whether something happens today.
	 * @param probability its chance, 0 to 1
	 * @return the draw
	 */
	boolean chance(double probability) {
		return this.random.nextDouble() < probability;
	}

	double uniform(double from, double to) {
		return from + this.random.nextDouble() * (to - from);
	}

	int uniformInt(int from, int toInclusive) {
		return this.random.nextInt(from, toInclusive + 1);
	}

	/**
	 * A normal deviation, cut off so that a routine never strays further than its
	 * documented spread.
	 * @param sigma the standard deviation
	 * @param limit the largest deviation either way
	 * @return the deviation
	 */
	double gaussian(double sigma, double limit) {
		double value = nextGaussian() * sigma;
		return Math.max(-limit, Math.min(limit, value));
	}

	private double nextGaussian() {
		// Box-Muller, so that the draw depends on nothing but this day's generator.
		double u1 = 1.0 - this.random.nextDouble();
		double u2 = this.random.nextDouble();
		return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
	}

	/**
	 * A local time of day, as microseconds since the epoch, with random microseconds so
	 * that no two events share a timestamp.
	 * @param minuteOfDay minutes after local midnight, fractional
	 * @return the instant, inside the day
	 */
	long at(double minuteOfDay) {
		long micros = this.startMicros + (long) (minuteOfDay * MICROS_PER_MINUTE) + this.random.nextInt(1_000_000);
		return Math.max(this.startMicros + 1, Math.min(this.endMicros - MICROS_PER_MINUTE, micros));
	}

	static double minutes(int hour, int minute) {
		return hour * 60.0 + minute;
	}

	/**
	 * Intervals of an entity's active state during the day, merged where they overlap.
	 */
	static final class Intervals {

		private final List<long[]> intervals = new ArrayList<>();

		void add(long from, long to) {
			if (to > from) {
				this.intervals.add(new long[] { from, to });
			}
		}

		List<long[]> all() {
			return this.intervals;
		}

		DayTrack toTrack(Day day, String active, String inactive) {
			this.intervals.sort((a, b) -> Long.compare(a[0], b[0]));
			DayTrack track = new DayTrack(inactive);
			long openFrom = -1;
			long openTo = -1;
			for (long[] interval : this.intervals) {
				long from = Math.max(interval[0], day.startMicros() + 1);
				long to = Math.min(interval[1], day.endMicros() - MICROS_PER_MINUTE);
				if (to <= from) {
					continue;
				}
				if (openFrom >= 0 && from <= openTo) {
					openTo = Math.max(openTo, to);
					continue;
				}
				if (openFrom >= 0) {
					track.add(openFrom, active);
					track.add(openTo, inactive);
				}
				openFrom = from;
				openTo = to;
			}
			if (openFrom >= 0) {
				track.add(openFrom, active);
				track.add(openTo, inactive);
			}
			return track;
		}

	}

	private static long mix(long seed, String entityId, long epochDay) {
		long h = seed * 0x9E3779B97F4A7C15L;
		for (int i = 0; i < entityId.length(); i++) {
			h = (h ^ entityId.charAt(i)) * 0x100000001B3L;
		}
		h ^= epochDay * 0xC2B2AE3D27D4EB4FL;
		h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
		h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
		return h ^ (h >>> 31);
	}

}
