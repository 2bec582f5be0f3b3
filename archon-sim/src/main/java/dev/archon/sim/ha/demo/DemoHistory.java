package dev.archon.sim.ha.demo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Generates any day of any entity's history on demand, from nothing but the seed, the
 * entity id and the date, so that no history needs to be stored: a home of 10,000
 * entities with ten days of history costs no memory until it is read.
 * <p>
 * Entities without a planted routine ({@link DemoRoutines}) follow noise:
 * <ul>
 * <li>lights: 0–3 times a day on between 07:00 and 23:30, for 5–90 min;</li>
 * <li>switches: 0–2 times a day between 07:00 and 22:00, for 10–120 min;</li>
 * <li>motion sensors: 3–15 detections between 07:00 and 23:00, 30–120 s each;</li>
 * <li>door and window contacts: 0–4 openings between 07:00 and 22:00, 1–20 min;</li>
 * <li>covers: on 70% of days open from 07:00–09:00 to 19:00–21:30;</li>
 * <li>locks: 0–2 unlockings between 08:00 and 20:00, 1–5 min;</li>
 * <li>thermostats: on 90% of days heat from 06:00–08:00 to 21:00–23:30;</li>
 * <li>media players: on 50% of days playing for 30–150 min starting 18:00–22:00;</li>
 * <li>temperature sensors: a daily curve around a base of 19.5–22.4 °C, ±1.2 °C, sampled
 * every 10–20 min; humidity likewise around 40–55 %; power sensors follow the switch of
 * the same name ({@code sensor.x_power} follows {@code switch.x}: 40–250 W while on,
 * 1200–1500 W for the coffee maker, under 3 W otherwise), sampled every 5–15 min and at
 * each switch change;</li>
 * <li>weather: a condition every three hours.</li>
 * </ul>
 */
public final class DemoHistory {

	private static final String[] CONDITIONS = { "sunny", "partlycloudy", "cloudy", "rainy" };

	private final long seed;

	private final ZoneId zone;

	public DemoHistory(long seed, ZoneId zone) {
		this.seed = seed;
		this.zone = zone;
	}

	public ZoneId zone() {
		return this.zone;
	}

	/**
	 * One entity's history for one local day.
	 * @param entityId the entity
	 * @param kind its kind
	 * @param date the local date
	 * @return the state at midnight and the changes after it (not necessarily each a
	 * change: consecutive samples may repeat a value)
	 */
	public DayTrack day(String entityId, EntityKind kind, LocalDate date) {
		Day day = new Day(this.seed, entityId, date, this.zone);
		if (kind.isBinary()) {
			Day.Intervals intervals = intervals(entityId, kind, day);
			return intervals.toTrack(day, kind.active(), kind.inactive());
		}
		return switch (kind) {
			case TEMPERATURE -> curve(day, entityId, 19.5, 3.0, 1.2, 0.15, 1);
			case HUMIDITY -> curve(day, entityId, 40, 15, 6, 1.5, 0);
			case POWER -> power(day, entityId);
			case WEATHER -> weather(day);
			default -> throw new IllegalStateException("Unexpected kind " + kind);
		};
	}

	private Day.Intervals intervals(String entityId, EntityKind kind, Day day) {
		Day.Intervals intervals = new Day.Intervals();
		DemoRoutines.Sources sources = new DemoRoutines.Sources() {

			@Override
			public Day.Intervals intervals() {
				return intervals;
			}

			@Override
			public List<long[]> intervalsOf(String otherId, EntityKind otherKind, Day sameDay) {
				Day other = new Day(DemoHistory.this.seed, otherId, sameDay.date(), DemoHistory.this.zone);
				Day.Intervals result = DemoHistory.this.intervals(otherId, otherKind, other);
				result.all().sort((a, b) -> Long.compare(a[0], b[0]));
				return result.all();
			}

		};
		if (!DemoRoutines.plant(entityId, day, sources)) {
			noise(kind, day, intervals);
		}
		return intervals;
	}

	private static void noise(EntityKind kind, Day day, Day.Intervals out) {
		switch (kind) {
			case LIGHT -> episodes(day, out, 0, 3, 7 * 60, 23 * 60 + 30, 5, 90);
			case SWITCH -> episodes(day, out, 0, 2, 7 * 60, 22 * 60, 10, 120);
			case MOTION -> episodes(day, out, 3, 15, 7 * 60, 23 * 60, 0.5, 2);
			case DOOR, WINDOW -> episodes(day, out, 0, 4, 7 * 60, 22 * 60, 1, 20);
			case COVER -> {
				if (day.chance(0.70)) {
					out.add(day.at(day.uniform(7 * 60, 9 * 60)), day.at(day.uniform(19 * 60, 21 * 60 + 30)));
				}
			}
			case LOCK -> episodes(day, out, 0, 2, 8 * 60, 20 * 60, 1, 5);
			case CLIMATE -> {
				if (day.chance(0.90)) {
					out.add(day.at(day.uniform(6 * 60, 8 * 60)), day.at(day.uniform(21 * 60, 23 * 60 + 30)));
				}
			}
			case MEDIA_PLAYER -> {
				if (day.chance(0.50)) {
					long from = day.at(day.uniform(18 * 60, 22 * 60));
					out.add(from, from + (long) (day.uniform(30, 150) * 60_000_000L));
				}
			}
			default -> throw new IllegalStateException("Unexpected kind " + kind);
		}
	}

	private static void episodes(Day day, Day.Intervals out, int minCount, int maxCount, int fromMinute, int toMinute,
			double minMinutes, double maxMinutes) {
		int count = day.uniformInt(minCount, maxCount);
		for (int i = 0; i < count; i++) {
			long from = day.at(day.uniform(fromMinute, toMinute));
			out.add(from, from + (long) (day.uniform(minMinutes, maxMinutes) * 60_000_000L));
		}
	}

	private static DayTrack curve(Day day, String entityId, double base, double baseSpread, double amplitude,
			double noise, int decimals) {
		double level = base + Math.floorMod(entityId.hashCode(), 1000) / 1000.0 * baseSpread;
		DayTrack track = null;
		double minute = 0;
		while (minute < 24 * 60) {
			// Coolest before dawn, warmest (and driest) mid-afternoon.
			double phase = Math.sin(2 * Math.PI * (minute / (24 * 60) - 0.375));
			double sign = (decimals == 0) ? -1 : 1;
			String value = format(level + sign * amplitude * phase + day.gaussian(noise, 3 * noise), decimals);
			if (track == null) {
				track = new DayTrack(value);
			}
			else {
				track.add(day.at(minute), value);
			}
			minute += day.uniform(10, 20);
		}
		return track;
	}

	private DayTrack power(Day day, String entityId) {
		String objectId = entityId.substring(entityId.indexOf('.') + 1);
		String switchId = "switch." + (objectId.endsWith("_power")
				? objectId.substring(0, objectId.length() - "_power".length()) : objectId);
		Day switchDay = new Day(this.seed, switchId, day.date(), this.zone);
		List<long[]> on = intervals(switchId, EntityKind.SWITCH, switchDay).all();
		double load = DemoRoutines.COFFEE_MAKER.equals(switchId) ? day.uniform(1200, 1500) : day.uniform(40, 250);
		List<long[]> samples = new ArrayList<>();
		long lastMinute = day.endMicros() - 60_000_000L;
		for (long[] interval : on) {
			// The meter sees a switch change about a second later.
			samples.add(new long[] { Math.min(interval[0], lastMinute) + 1_000_000L, 1 });
			samples.add(new long[] { Math.min(interval[1], lastMinute) + 1_000_000L, 0 });
		}
		long step = (long) (day.uniform(5, 15) * 60_000_000L);
		for (long time = day.startMicros() + step; time < lastMinute; time += step) {
			samples.add(new long[] { time, isWithin(on, time) ? 1 : 0 });
		}
		samples.sort((a, b) -> Long.compare(a[0], b[0]));
		DayTrack track = new DayTrack(format(day.uniform(0.3, 2.9), 1));
		for (long[] sample : samples) {
			double value = (sample[1] == 1) ? load + day.gaussian(10, 30) : day.uniform(0.3, 2.9);
			track.add(sample[0], format(value, 1));
		}
		return track;
	}

	private static boolean isWithin(List<long[]> intervals, long time) {
		for (long[] interval : intervals) {
			if (interval[0] <= time && time < interval[1]) {
				return true;
			}
		}
		return false;
	}

	private static DayTrack weather(Day day) {
		DayTrack track = new DayTrack(CONDITIONS[day.uniformInt(0, CONDITIONS.length - 1)]);
		for (int slot = 1; slot < 8; slot++) {
			track.add(day.at(slot * 180), CONDITIONS[day.uniformInt(0, CONDITIONS.length - 1)]);
		}
		return track;
	}

	private static String format(double value, int decimals) {
		return (decimals == 0) ? Long.toString(Math.round(value)) : String.format(Locale.ROOT, "%.1f", value);
	}

}
