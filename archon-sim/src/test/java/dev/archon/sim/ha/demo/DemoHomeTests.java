package dev.archon.sim.ha.demo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.archon.sim.ha.EntityIds;
import dev.archon.sim.ha.EventBus;
import dev.archon.sim.ha.HaSimProperties;
import dev.archon.sim.ha.HaState;
import dev.archon.sim.ha.States;
import dev.archon.sim.ha.Timestamps;

import static org.assertj.core.api.Assertions.assertThat;

class DemoHomeTests {

	private static final LocalDate MONDAY = LocalDate.of(2025, 3, 3);

	@Test
	void generatesTheConfiguredNumberOfValidEntities() {
		DemoHome home = home(150, 42);
		assertThat(home.entities()).hasSize(150);
		Set<String> ids = new HashSet<>();
		for (EntitySpec spec : home.entities()) {
			assertThat(EntityIds.isValid(spec.entityId())).as(spec.entityId()).isTrue();
			assertThat(ids.add(spec.entityId())).isTrue();
		}
		assertThat(home.entities().stream().map(EntitySpec::kind).distinct())
			.containsExactlyInAnyOrder(EntityKind.values());
		assertThat(home.entities()).extracting(EntitySpec::entityId)
			.contains(DemoRoutines.KITCHEN_LIGHT, DemoRoutines.HALLWAY_MOTION, DemoRoutines.HALLWAY_LIGHT);
	}

	@Test
	void buildsTenThousandEntitiesAndTheirInitialStates() {
		States states = new States(new EventBus());
		DemoHome home = new DemoHome(properties(10_000, 7), states);
		assertThat(home.entities()).hasSize(10_000);
		assertThat(states.size()).isEqualTo(10_000);
		HaState kitchen = states.get(DemoRoutines.KITCHEN_LIGHT);
		assertThat(kitchen).isNotNull();
		assertThat(kitchen.state()).isIn("on", "off");
		assertThat(kitchen.attributes()).containsEntry("friendly_name", "Kitchen Light");
		assertThat(kitchen.lastChanged()).isBefore(Timestamps.ofMicros(home.startMicros() + 1));
	}

	@Test
	void sameSeedGivesTheSameHomeAndHistory() {
		DemoHome first = home(300, 9);
		DemoHome second = home(300, 9);
		assertThat(first.entities()).isEqualTo(second.entities());
		DemoHistory a = new DemoHistory(9, ZoneOffset.UTC);
		DemoHistory b = new DemoHistory(9, ZoneOffset.UTC);
		DayTrack left = a.day(DemoRoutines.KITCHEN_LIGHT, EntityKind.LIGHT, MONDAY);
		DayTrack right = b.day(DemoRoutines.KITCHEN_LIGHT, EntityKind.LIGHT, MONDAY);
		assertThat(left.size()).isEqualTo(right.size());
		for (int i = 0; i < left.size(); i++) {
			assertThat(left.time(i)).isEqualTo(right.time(i));
			assertThat(left.state(i)).isEqualTo(right.state(i));
		}
		assertThat(home(300, 10).entities()).isNotEqualTo(first.entities());
	}

	@Test
	void kitchenLightTurnsOnAtQuarterToSevenOnMostWeekdays() {
		DemoHistory history = new DemoHistory(42, ZoneOffset.UTC);
		int weekdays = 0;
		int hits = 0;
		for (int d = 0; d < 70; d++) {
			LocalDate date = MONDAY.plusDays(d);
			if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
				continue;
			}
			weekdays++;
			DayTrack track = history.day(DemoRoutines.KITCHEN_LIGHT, EntityKind.LIGHT, date);
			for (int i = 0; i < track.size(); i++) {
				LocalTime at = LocalTime.ofInstant(Timestamps.ofMicros(track.time(i)), ZoneOffset.UTC);
				if ("on".equals(track.state(i)) && !at.isBefore(LocalTime.of(6, 35))
						&& !at.isAfter(LocalTime.of(6, 56))) {
					hits++;
				}
			}
		}
		assertThat(hits / (double) weekdays).isBetween(0.75, 0.98);
	}

	@Test
	void hallwayLightFollowsMotionWithinNinetySeconds() {
		DemoHistory history = new DemoHistory(42, ZoneOffset.UTC);
		int motions = 0;
		int followed = 0;
		for (int d = 0; d < 14; d++) {
			LocalDate date = MONDAY.plusDays(d);
			DayTrack motion = history.day(DemoRoutines.HALLWAY_MOTION, EntityKind.MOTION, date);
			DayTrack light = history.day(DemoRoutines.HALLWAY_LIGHT, EntityKind.LIGHT, date);
			List<Long> lightOn = onTimes(light, "on");
			List<long[]> lightIntervals = intervals(light);
			for (long start : onTimes(motion, "on")) {
				motions++;
				boolean onAlready = lightIntervals.stream().anyMatch((i) -> i[0] <= start && start < i[1]);
				boolean turnsOn = lightOn.stream()
					.anyMatch((t) -> t > start && t - start <= Duration.ofSeconds(90).toNanos() / 1000);
				if (onAlready || turnsOn) {
					followed++;
				}
			}
		}
		assertThat(motions).isGreaterThan(14 * 6 - 10);
		assertThat(followed / (double) motions).isGreaterThan(0.85);
	}

	@Test
	void numericSensorsReportPlausibleValues() {
		DemoHistory history = new DemoHistory(42, ZoneOffset.UTC);
		DayTrack temperature = history.day("sensor.kitchen_temperature", EntityKind.TEMPERATURE, MONDAY);
		assertThat(temperature.size()).isBetween(60, 150);
		for (int i = 0; i < temperature.size(); i++) {
			assertThat(Double.parseDouble(temperature.state(i))).isBetween(15.0, 26.0);
		}
		DayTrack coffee = history.day(DemoRoutines.COFFEE_MAKER, EntityKind.SWITCH, MONDAY);
		DayTrack power = history.day(DemoRoutines.COFFEE_MAKER_POWER, EntityKind.POWER, MONDAY);
		for (long on : onTimes(coffee, "on")) {
			boolean high = false;
			for (int i = 0; i < power.size(); i++) {
				if (power.time(i) > on && power.time(i) - on <= 5_000_000L
						&& Double.parseDouble(power.state(i)) > 1000) {
					high = true;
				}
			}
			assertThat(high).isTrue();
		}
	}

	private static List<Long> onTimes(DayTrack track, String state) {
		List<Long> times = new ArrayList<>();
		for (int i = 0; i < track.size(); i++) {
			if (state.equals(track.state(i))) {
				times.add(track.time(i));
			}
		}
		return times;
	}

	private static List<long[]> intervals(DayTrack track) {
		List<long[]> intervals = new ArrayList<>();
		for (int i = 0; i + 1 < track.size(); i += 2) {
			intervals.add(new long[] { track.time(i), track.time(i + 1) });
		}
		return intervals;
	}

	private static DemoHome home(int entities, long seed) {
		return new DemoHome(properties(entities, seed), new States(new EventBus()));
	}

	static HaSimProperties properties(int entities, long seed) {
		return new HaSimProperties(entities, seed, 10, "UTC", "2025.6.0", 5000,
				new HaSimProperties.WebSocket(Duration.ofSeconds(10), 16384, 1024, Duration.ofSeconds(5)));
	}

}
