package dev.archon.ha.patterns;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CoOccurrencesTests {

	static final LocalDate MONDAY = RegularitiesTests.MONDAY;

	static final Duration WEEK = Duration.ofDays(7);

	static final Duration TWO_MINUTES = Duration.ofMinutes(2);

	/** When the hall's motion sensor sees someone, five times a day. */
	static final LocalTime[] MOTIONS = { LocalTime.of(7, 10), LocalTime.of(12, 0), LocalTime.of(15, 20),
			LocalTime.of(18, 40), LocalTime.of(22, 5) };

	final ActivationLog log = new ActivationLog();

	final EntityActivity motion = entity("binary_sensor.hall_motion", 0);

	final EntityActivity hall = entity("light.hall", 1);

	final EntityActivity office = entity("light.office", 2);

	final List<EntityActivity> entities = List.of(this.motion, this.hall, this.office);

	@Test
	void findsALightThatFollowsMotionWithinTwoMinutes() {
		List<Long> delays = new ArrayList<>();
		// The light follows 30 of the 35 motions, 30 to 90 seconds later; another light
		// keeps its own hours.
		int n = 0;
		for (int day = 0; day < 7; day++) {
			LocalDate date = MONDAY.plusDays(day);
			for (LocalTime at : MOTIONS) {
				pulse(this.motion, date, at, 0, 60);
				if (n % 7 != 6) {
					int delay = 30 + (n % 7) * 10;
					delays.add(delay * 1000L);
					pulse(this.hall, date, at, delay, 600);
				}
				n++;
			}
			pulse(this.office, date, LocalTime.of(10, 0), 0, 3600);
		}
		delays.sort(null);
		assertThat(CoOccurrences.find(this.log, this.entities, TWO_MINUTES, WEEK)).singleElement().satisfies((pair) -> {
			assertThat(pair.trigger()).isEqualTo("binary_sensor.hall_motion");
			assertThat(pair.triggerState()).isEqualTo("on");
			assertThat(pair.follower()).isEqualTo("light.hall");
			assertThat(pair.followerState()).isEqualTo("on");
			assertThat(pair.withinSeconds()).isEqualTo(120);
			assertThat(pair.count()).isEqualTo(30);
			assertThat(pair.confidence()).isEqualTo(0.86);
			assertThat(pair.medianDelaySeconds()).isEqualTo(delays.get(15) / 1000.0);
			assertThat(pair.description()).isEqualTo("light.hall becomes on within 120 s after "
					+ "binary_sensor.hall_motion becomes on (30 times, 86% of the time, typically after 60 s)");
		});
	}

	@Test
	void countsAFlickeringFollowerOncePerTrigger() {
		for (int day = 0; day < 7; day++) {
			for (LocalTime at : MOTIONS) {
				pulse(this.motion, MONDAY.plusDays(day), at, 0, 60);
				pulse(this.hall, MONDAY.plusDays(day), at, 10, 5);
				pulse(this.hall, MONDAY.plusDays(day), at, 20, 5);
				pulse(this.hall, MONDAY.plusDays(day), at, 30, 5);
			}
		}
		assertThat(CoOccurrences.find(this.log, this.entities, TWO_MINUTES, WEEK)).singleElement().satisfies((pair) -> {
			assertThat(pair.count()).isEqualTo(35);
			assertThat(pair.confidence()).isEqualTo(1.0);
			assertThat(pair.medianDelaySeconds()).isEqualTo(10.0);
		});
	}

	@Test
	void ignoresFollowersOutsideTheWindow() {
		for (int day = 0; day < 7; day++) {
			for (LocalTime at : MOTIONS) {
				pulse(this.motion, MONDAY.plusDays(day), at, 0, 60);
				pulse(this.hall, MONDAY.plusDays(day), at, 150, 600);
			}
		}
		assertThat(CoOccurrences.find(this.log, this.entities, TWO_MINUTES, WEEK)).isEmpty();
	}

	@Test
	void ignoresFollowersThatChanceExplains() {
		// Motion five times a day, and a light that turns on every three minutes all
		// week: it always follows, but would as often without the motion.
		for (int day = 0; day < 7; day++) {
			for (LocalTime at : MOTIONS) {
				pulse(this.motion, MONDAY.plusDays(day), at, 0, 60);
			}
			for (int minute = 0; minute < 24 * 60; minute += 3) {
				pulse(this.hall, MONDAY.plusDays(day), LocalTime.MIDNIGHT, minute * 60 + 1, 60);
			}
		}
		assertThat(this.hall.activations).isEqualTo(7 * 480);
		assertThat(CoOccurrences.find(this.log, this.entities, TWO_MINUTES, WEEK)).isEmpty();
	}

	@Test
	void needsATriggerFromATriggeringDomain() {
		// One light always follows another, but what a light does is no trigger.
		for (int day = 0; day < 7; day++) {
			for (LocalTime at : MOTIONS) {
				pulse(this.hall, MONDAY.plusDays(day), at, 0, 600);
				pulse(this.office, MONDAY.plusDays(day), at, 30, 600);
			}
		}
		assertThat(CoOccurrences.find(this.log, this.entities, TWO_MINUTES, WEEK)).isEmpty();
	}

	@Test
	void needsAFewOccurrences() {
		for (int day = 0; day < 3; day++) {
			pulse(this.motion, MONDAY.plusDays(day), MOTIONS[0], 0, 60);
			pulse(this.hall, MONDAY.plusDays(day), MOTIONS[0], 30, 600);
		}
		assertThat(CoOccurrences.find(this.log, this.entities, TWO_MINUTES, WEEK)).isEmpty();
	}

	@Test
	void findsNothingWithoutActivity() {
		assertThat(CoOccurrences.find(this.log, this.entities, TWO_MINUTES, WEEK)).isEmpty();
	}

	@Test
	void sortsTheLogByTimeThenEntity() {
		ActivationLog unordered = new ActivationLog();
		long[] times = { 1_800_000_000_500L, 1_800_000_000_000L, 1_800_000_000_500L, 1_700_000_000_000L };
		int[] entities = { 7, 3, 2, 4999 };
		for (int i = 0; i < times.length; i++) {
			unordered.add(times[i], entities[i]);
		}
		unordered.sort(5000);
		long[] sortedTimes = new long[4];
		int[] sortedEntities = new int[4];
		for (int i = 0; i < 4; i++) {
			sortedTimes[i] = unordered.time(i);
			sortedEntities[i] = unordered.entity(i);
		}
		assertThat(sortedTimes).containsExactly(1_700_000_000_000L, 1_800_000_000_000L, 1_800_000_000_500L,
				1_800_000_000_500L);
		assertThat(sortedEntities).containsExactly(4999, 3, 2, 7);
	}

	/**
	 * Switches an entity on some seconds after a local time and off again a while later.
	 */
	private void pulse(EntityActivity entity, LocalDate day, LocalTime at, int afterSeconds, int forSeconds) {
		long on = RegularitiesTests.micros(day, at) + afterSeconds * 1_000_000L;
		entity.row("on", on, this.log);
		entity.row("off", on + forSeconds * 1_000_000L, this.log);
	}

	private static EntityActivity entity(String entityId, int index) {
		EntityActivity entity = new EntityActivity(entityId, index, RegularitiesTests.BERLIN);
		entity.start("off", RegularitiesTests.micros(MONDAY, LocalTime.MIDNIGHT));
		return entity;
	}

}
