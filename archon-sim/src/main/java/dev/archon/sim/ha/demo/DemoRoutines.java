package dev.archon.sim.ha.demo;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;

/**
 * The daily routines planted in the demo home's history, in one place, so that the tests
 * here and the bridge's pattern analysis know exactly what there is to find. All times
 * are local times in the home's time zone ({@code archon.sim.ha.time-zone}, UTC by
 * default); "weekdays" are Monday to Friday. A time "± s (max m)" is drawn from a normal
 * distribution with standard deviation s, cut off at m; "± m uniform" is drawn uniformly.
 * Every planted entity is among the first entities of every home, so a home of 20 or more
 * entities has them all.
 *
 * <ul>
 * <li>{@code light.kitchen}: weekdays on at 06:45 ± 4 min (max 10) on 85% of days, for
 * 30–50 min; weekends on at 08:30 ± 10 min (max 25) on 80% of days, for 45–90 min; every
 * day on at 18:00 ± 15 min (max 40) on 75% of days, for 40–80 min.</li>
 * <li>{@code switch.coffee_maker}: weekdays on at 06:50 ± 2.5 min (max 5) on 90% of days,
 * for 18–22 min; weekends on at 09:00 ± 30 min uniform on 50% of days, for 20 min.
 * {@code sensor.coffee_maker_power} follows it: 1200–1500 W while on, under 2 W
 * otherwise.</li>
 * <li>{@code light.living_room}: every day on at 19:00 ± 8 min (max 20) on 90% of days;
 * off at 23:00 ± 10 min (max 20) on weekdays, 23:30 ± 8 min (max 20) on weekends.</li>
 * <li>{@code media_player.living_room_tv} ({@code playing}/{@code off}): weekdays playing
 * from 20:00 ± 15 min uniform to 22:30 ± 20 min uniform on 70% of days; weekends also
 * from 15:00 ± 30 min uniform to 18:00 ± 30 min uniform on 60% of days.</li>
 * <li>{@code climate.living_room} ({@code heat}/{@code off}): every day heat from 06:30 ±
 * 3 min (max 5) on weekdays, 08:00 ± 8 min (max 15) on weekends, off at 22:30 ± 5 min
 * (max 10).</li>
 * <li>{@code binary_sensor.hallway_motion}: 6–12 detections a day at uniformly random
 * times between 06:00 and 23:00, each {@code on} for 45–90 s. {@code light.hallway} turns
 * on 5–90 s after each detection's start with probability 95%, and stays on 3–5 min
 * (overlapping periods merge).</li>
 * <li>{@code binary_sensor.bathroom_motion}: 4–8 detections a day between 06:00 and
 * 23:30, each 60–120 s. {@code light.bathroom} turns on 5–60 s after each with
 * probability 90%, for 5–10 min.</li>
 * <li>{@code lock.front_door} ({@code unlocked}/{@code locked}): weekdays unlocked at
 * 07:30 ± 4 min (max 10) on 95% of days and at 17:30 ± 30 min uniform on 95% of days;
 * weekends at 10:00 ± 60 min uniform on 80% of days and at 16:00 ± 60 min uniform on 60%;
 * each time for 2–5 min. {@code binary_sensor.front_door} opens 10–60 s after each
 * unlocking with probability 90%, for 20–60 s.</li>
 * <li>{@code cover.bedroom_blinds} ({@code open}/{@code closed}): weekdays open at 07:00
 * ± 4 min (max 10) on 95% of days, weekends at 09:00 ± 20 min uniform on 90%; closed at
 * 21:00 ± 8 min (max 15).</li>
 * <li>{@code light.bedroom}: weekdays on at 06:30 ± 4 min (max 10) on 80% of days, for
 * 10–20 min; every day on at 22:30 ± 8 min (max 15) on 85% of days, for 15–40 min.</li>
 * </ul>
 * Every other entity follows unplanned noise (see {@link DemoHistory}).
 */
public final class DemoRoutines {

	public static final String KITCHEN_LIGHT = "light.kitchen";

	public static final String COFFEE_MAKER = "switch.coffee_maker";

	public static final String COFFEE_MAKER_POWER = "sensor.coffee_maker_power";

	public static final String LIVING_ROOM_LIGHT = "light.living_room";

	public static final String LIVING_ROOM_TV = "media_player.living_room_tv";

	public static final String LIVING_ROOM_CLIMATE = "climate.living_room";

	public static final String HALLWAY_MOTION = "binary_sensor.hallway_motion";

	public static final String HALLWAY_LIGHT = "light.hallway";

	public static final String BATHROOM_MOTION = "binary_sensor.bathroom_motion";

	public static final String BATHROOM_LIGHT = "light.bathroom";

	public static final String FRONT_DOOR_LOCK = "lock.front_door";

	public static final String FRONT_DOOR = "binary_sensor.front_door";

	public static final String BEDROOM_BLINDS = "cover.bedroom_blinds";

	public static final String BEDROOM_LIGHT = "light.bedroom";

	/**
	 * The time-of-day routines, for tests that look for them in history.
	 */
	public static final List<TimedRoutine> TIMED = List.of(
			new TimedRoutine(KITCHEN_LIGHT, "on", When.WEEKDAYS, LocalTime.of(6, 45), Duration.ofMinutes(10), 0.85),
			new TimedRoutine(KITCHEN_LIGHT, "on", When.WEEKENDS, LocalTime.of(8, 30), Duration.ofMinutes(25), 0.80),
			new TimedRoutine(KITCHEN_LIGHT, "on", When.EVERY_DAY, LocalTime.of(18, 0), Duration.ofMinutes(40), 0.75),
			new TimedRoutine(COFFEE_MAKER, "on", When.WEEKDAYS, LocalTime.of(6, 50), Duration.ofMinutes(5), 0.90),
			new TimedRoutine(LIVING_ROOM_LIGHT, "on", When.EVERY_DAY, LocalTime.of(19, 0), Duration.ofMinutes(20),
					0.90),
			new TimedRoutine(LIVING_ROOM_TV, "playing", When.WEEKDAYS, LocalTime.of(20, 0), Duration.ofMinutes(15),
					0.70),
			new TimedRoutine(LIVING_ROOM_CLIMATE, "heat", When.WEEKDAYS, LocalTime.of(6, 30), Duration.ofMinutes(5),
					1.0),
			new TimedRoutine(LIVING_ROOM_CLIMATE, "heat", When.WEEKENDS, LocalTime.of(8, 0), Duration.ofMinutes(15),
					1.0),
			new TimedRoutine(LIVING_ROOM_CLIMATE, "off", When.EVERY_DAY, LocalTime.of(22, 30), Duration.ofMinutes(10),
					1.0),
			new TimedRoutine(FRONT_DOOR_LOCK, "unlocked", When.WEEKDAYS, LocalTime.of(7, 30), Duration.ofMinutes(10),
					0.95),
			new TimedRoutine(BEDROOM_BLINDS, "open", When.WEEKDAYS, LocalTime.of(7, 0), Duration.ofMinutes(10), 0.95),
			new TimedRoutine(BEDROOM_BLINDS, "open", When.WEEKENDS, LocalTime.of(9, 0), Duration.ofMinutes(20), 0.90),
			new TimedRoutine(BEDROOM_LIGHT, "on", When.WEEKDAYS, LocalTime.of(6, 30), Duration.ofMinutes(10), 0.80),
			new TimedRoutine(BEDROOM_LIGHT, "on", When.EVERY_DAY, LocalTime.of(22, 30), Duration.ofMinutes(15), 0.85));

	/**
	 * The planted co-occurrences: the follower enters its state within {@code maxDelay}
	 * of the trigger entering its own.
	 */
	public static final List<CoOccurrence> CO_OCCURRENCES = List.of(
			new CoOccurrence(HALLWAY_MOTION, "on", HALLWAY_LIGHT, "on", Duration.ofSeconds(90), 0.95),
			new CoOccurrence(BATHROOM_MOTION, "on", BATHROOM_LIGHT, "on", Duration.ofSeconds(60), 0.90),
			new CoOccurrence(FRONT_DOOR_LOCK, "unlocked", FRONT_DOOR, "on", Duration.ofSeconds(60), 0.90),
			new CoOccurrence(COFFEE_MAKER, "on", COFFEE_MAKER_POWER, null, Duration.ofSeconds(5), 1.0));

	private static final Map<String, BiConsumer<Day, Sources>> PLANTED = Map.ofEntries(
			Map.entry(KITCHEN_LIGHT, DemoRoutines::kitchenLight), Map.entry(COFFEE_MAKER, DemoRoutines::coffeeMaker),
			Map.entry(LIVING_ROOM_LIGHT, DemoRoutines::livingRoomLight),
			Map.entry(LIVING_ROOM_TV, DemoRoutines::livingRoomTv),
			Map.entry(LIVING_ROOM_CLIMATE, DemoRoutines::livingRoomClimate),
			Map.entry(HALLWAY_MOTION, (day, sources) -> motion(day, sources, 6, 12, 6 * 60, 23 * 60, 45, 90)),
			Map.entry(HALLWAY_LIGHT,
					(day, sources) -> follow(day, sources, HALLWAY_MOTION, EntityKind.MOTION, 0.95, 5, 90, 180, 300)),
			Map.entry(BATHROOM_MOTION, (day, sources) -> motion(day, sources, 4, 8, 6 * 60, 23 * 60 + 30, 60, 120)),
			Map.entry(BATHROOM_LIGHT,
					(day, sources) -> follow(day, sources, BATHROOM_MOTION, EntityKind.MOTION, 0.90, 5, 60, 300, 600)),
			Map.entry(FRONT_DOOR_LOCK, DemoRoutines::frontDoorLock),
			Map.entry(FRONT_DOOR,
					(day, sources) -> follow(day, sources, FRONT_DOOR_LOCK, EntityKind.LOCK, 0.90, 10, 60, 20, 60)),
			Map.entry(BEDROOM_BLINDS, DemoRoutines::bedroomBlinds),
			Map.entry(BEDROOM_LIGHT, DemoRoutines::bedroomLight));

	private DemoRoutines() {
	}

	/**
	 * Whether an entity's history is planted rather than noise.
	 * @param entityId the entity
	 * @return whether it is one of the routines' entities (the power sensor follows its
	 * switch like every plug's does)
	 */
	public static boolean isPlanted(String entityId) {
		return PLANTED.containsKey(entityId);
	}

	static boolean plant(String entityId, Day day, Sources sources) {
		BiConsumer<Day, Sources> routine = PLANTED.get(entityId);
		if (routine == null) {
			return false;
		}
		routine.accept(day, sources);
		return true;
	}

	private static void kitchenLight(Day day, Sources out) {
		if (!day.weekend()) {
			if (day.chance(0.85)) {
				timed(day, out, Day.minutes(6, 45) + day.gaussian(4, 10), day.uniform(30, 50));
			}
		}
		else if (day.chance(0.80)) {
			timed(day, out, Day.minutes(8, 30) + day.gaussian(10, 25), day.uniform(45, 90));
		}
		if (day.chance(0.75)) {
			timed(day, out, Day.minutes(18, 0) + day.gaussian(15, 40), day.uniform(40, 80));
		}
	}

	private static void coffeeMaker(Day day, Sources out) {
		if (!day.weekend()) {
			if (day.chance(0.90)) {
				timed(day, out, Day.minutes(6, 50) + day.gaussian(2.5, 5), day.uniform(18, 22));
			}
		}
		else if (day.chance(0.50)) {
			timed(day, out, Day.minutes(9, 0) + day.uniform(-30, 30), 20);
		}
	}

	private static void livingRoomLight(Day day, Sources out) {
		if (day.chance(0.90)) {
			double on = Day.minutes(19, 0) + day.gaussian(8, 20);
			double off = day.weekend() ? Day.minutes(23, 30) + day.gaussian(8, 20)
					: Day.minutes(23, 0) + day.gaussian(10, 20);
			out.intervals().add(day.at(on), day.at(off));
		}
	}

	private static void livingRoomTv(Day day, Sources out) {
		if (day.weekend() && day.chance(0.60)) {
			out.intervals()
				.add(day.at(Day.minutes(15, 0) + day.uniform(-30, 30)),
						day.at(Day.minutes(18, 0) + day.uniform(-30, 30)));
		}
		if (!day.weekend() && day.chance(0.70)) {
			out.intervals()
				.add(day.at(Day.minutes(20, 0) + day.uniform(-15, 15)),
						day.at(Day.minutes(22, 30) + day.uniform(-20, 20)));
		}
	}

	private static void livingRoomClimate(Day day, Sources out) {
		double on = day.weekend() ? Day.minutes(8, 0) + day.gaussian(8, 15) : Day.minutes(6, 30) + day.gaussian(3, 5);
		out.intervals().add(day.at(on), day.at(Day.minutes(22, 30) + day.gaussian(5, 10)));
	}

	private static void frontDoorLock(Day day, Sources out) {
		if (!day.weekend()) {
			if (day.chance(0.95)) {
				timed(day, out, Day.minutes(7, 30) + day.gaussian(4, 10), day.uniform(2, 5));
			}
			if (day.chance(0.95)) {
				timed(day, out, Day.minutes(17, 30) + day.uniform(-30, 30), day.uniform(2, 5));
			}
		}
		else {
			if (day.chance(0.80)) {
				timed(day, out, Day.minutes(10, 0) + day.uniform(-60, 60), day.uniform(2, 5));
			}
			if (day.chance(0.60)) {
				timed(day, out, Day.minutes(16, 0) + day.uniform(-60, 60), day.uniform(2, 5));
			}
		}
	}

	private static void bedroomBlinds(Day day, Sources out) {
		boolean open = day.weekend() ? day.chance(0.90) : day.chance(0.95);
		double at = day.weekend() ? Day.minutes(9, 0) + day.uniform(-20, 20) : Day.minutes(7, 0) + day.gaussian(4, 10);
		double close = Day.minutes(21, 0) + day.gaussian(8, 15);
		if (open) {
			out.intervals().add(day.at(at), day.at(close));
		}
	}

	private static void bedroomLight(Day day, Sources out) {
		if (!day.weekend() && day.chance(0.80)) {
			timed(day, out, Day.minutes(6, 30) + day.gaussian(4, 10), day.uniform(10, 20));
		}
		if (day.chance(0.85)) {
			timed(day, out, Day.minutes(22, 30) + day.gaussian(8, 15), day.uniform(15, 40));
		}
	}

	private static void timed(Day day, Sources out, double startMinute, double durationMinutes) {
		long from = day.at(startMinute);
		out.intervals().add(from, from + (long) (durationMinutes * 60_000_000L));
	}

	static void motion(Day day, Sources out, int minCount, int maxCount, int fromMinute, int toMinute, int minSeconds,
			int maxSeconds) {
		int count = day.uniformInt(minCount, maxCount);
		for (int i = 0; i < count; i++) {
			long from = day.at(day.uniform(fromMinute, toMinute));
			out.intervals().add(from, from + (long) (day.uniform(minSeconds, maxSeconds) * 1_000_000L));
		}
	}

	private static void follow(Day day, Sources out, String triggerId, EntityKind triggerKind, double probability,
			int minDelaySeconds, int maxDelaySeconds, int minSeconds, int maxSeconds) {
		for (long[] trigger : out.intervalsOf(triggerId, triggerKind, day)) {
			if (day.chance(probability)) {
				long from = trigger[0] + (long) (day.uniform(minDelaySeconds, maxDelaySeconds) * 1_000_000L);
				out.intervals().add(from, from + (long) (day.uniform(minSeconds, maxSeconds) * 1_000_000L));
			}
		}
	}

	/**
	 * Where a routine writes its intervals and reads another entity's.
	 */
	interface Sources {

		Day.Intervals intervals();

		List<long[]> intervalsOf(String entityId, EntityKind kind, Day day);

	}

	/**
	 * Which days a routine runs on.
	 */
	public enum When {

		/** Monday to Friday. */
		WEEKDAYS,
		/** Saturday and Sunday. */
		WEEKENDS,
		/** Every day. */
		EVERY_DAY

	}

	/**
	 * A routine at a time of day.
	 *
	 * @param entityId the entity
	 * @param state the state it enters
	 * @param when on which days
	 * @param time the local time it is centred on
	 * @param spread the largest deviation from that time
	 * @param probability the share of those days on which it happens
	 */
	public record TimedRoutine(String entityId, String state, When when, LocalTime time, Duration spread,
			double probability) {

	}

	/**
	 * One entity following another.
	 *
	 * @param triggerId the entity that acts first
	 * @param triggerState the state it enters
	 * @param followerId the entity that follows
	 * @param followerState the state the follower enters, {@code null} for a measurement
	 * that changes
	 * @param maxDelay the longest delay
	 * @param probability how often the follower follows
	 */
	public record CoOccurrence(String triggerId, String triggerState, String followerId, @Nullable String followerState,
			Duration maxDelay, double probability) {

	}

}
