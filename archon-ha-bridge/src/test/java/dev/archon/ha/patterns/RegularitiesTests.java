package dev.archon.ha.patterns;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.archon.api.wire.ha.PatternReport;

import static org.assertj.core.api.Assertions.assertThat;

class RegularitiesTests {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	/** Four weeks from a Monday: 20 weekdays, 8 weekend days. */
	static final LocalDate MONDAY = LocalDate.of(2026, 1, 5);

	final ActivationLog log = new ActivationLog();

	@Test
	void findsAWeekdayMorningRoutine() {
		EntityActivity light = new EntityActivity("light.kitchen", 0, BERLIN);
		light.start("off", micros(MONDAY, LocalTime.MIDNIGHT));
		// On 17 of the 20 weekdays (85%), within ten minutes of 06:45; never at weekends.
		int[] offsets = { 0, 4, -4, 8, -8, 2, -2, 10, -10, 6, -6, 0, 3, -3, 7, -7, 1 };
		int weekday = 0;
		int used = 0;
		for (LocalDate day = MONDAY; day.isBefore(MONDAY.plusDays(28)); day = day.plusDays(1)) {
			if (isWeekend(day) || weekday++ % 6 == 5) {
				continue;
			}
			light.row("on", micros(day, LocalTime.of(6, 45).plusMinutes(offsets[used++])), this.log);
			light.row("off", micros(day, LocalTime.of(7, 30)), this.log);
		}
		assertThat(used).isEqualTo(17);
		List<PatternReport.Regularity> found = find(light, 28);
		assertThat(found).singleElement().satisfies((regularity) -> {
			assertThat(regularity.entityId()).isEqualTo("light.kitchen");
			assertThat(regularity.state()).isEqualTo("on");
			assertThat(regularity.days()).isEqualTo("weekdays");
			assertThat(regularity.time()).isEqualTo("06:45");
			assertThat(regularity.plusMinusMinutes()).isEqualTo(8);
			assertThat(regularity.share()).isEqualTo(0.85);
			assertThat(regularity.description())
				.isEqualTo("light.kitchen turns on on weekdays at 06:45 ± 8 min on 85% of days");
		});
	}

	@Test
	void separatesWeekdaysFromWeekendsAndMergesWhatHappensEveryDay() {
		EntityActivity cover = new EntityActivity("cover.living_room", 0, BERLIN);
		cover.start("closed", micros(MONDAY, LocalTime.MIDNIGHT));
		for (LocalDate day = MONDAY; day.isBefore(MONDAY.plusDays(28)); day = day.plusDays(1)) {
			cover.row("open", micros(day, isWeekend(day) ? LocalTime.of(9, 30) : LocalTime.of(7, 0)), this.log);
			cover.row("closed", micros(day, LocalTime.of(21, 15)), this.log);
		}
		assertThat(find(cover, 28)).extracting(PatternReport.Regularity::description)
			.containsExactly("cover.living_room is open on weekdays at 07:00 ± 1 min on 100% of days",
					"cover.living_room is open on weekends at 09:30 ± 1 min on 100% of days",
					"cover.living_room is closed on every day at 21:15 ± 1 min on 100% of days");
	}

	@Test
	void findsNothingWithoutActivity() {
		EntityActivity idle = new EntityActivity("light.attic", 0, BERLIN);
		idle.start("off", micros(MONDAY, LocalTime.MIDNIGHT));
		EntityActivity alwaysOn = new EntityActivity("light.porch", 1, BERLIN);
		alwaysOn.start("on", micros(MONDAY, LocalTime.MIDNIGHT));
		assertThat(find(idle, 28)).isEmpty();
		assertThat(find(alwaysOn, 28)).isEmpty();
		assertThat(this.log.size()).isZero();
	}

	@Test
	void findsNothingInHabitsWithoutAFixedTime() {
		EntityActivity light = new EntityActivity("light.hall", 0, BERLIN);
		light.start("off", micros(MONDAY, LocalTime.MIDNIGHT));
		for (int day = 0; day < 28; day++) {
			// Every day, but three hours later each day, in a cycle of five days.
			LocalTime on = LocalTime.of(6 + 3 * (day % 5), 0);
			light.row("on", micros(MONDAY.plusDays(day), on), this.log);
			light.row("off", micros(MONDAY.plusDays(day), on.plusMinutes(20)), this.log);
		}
		assertThat(find(light, 28)).isEmpty();
	}

	@Test
	void readsOneDay() {
		LocalDate wednesday = MONDAY.plusDays(2);
		EntityActivity light = new EntityActivity("light.kitchen", 0, BERLIN);
		light.start("off", micros(wednesday, LocalTime.MIDNIGHT));
		light.row("on", micros(wednesday, LocalTime.of(6, 45)), this.log);
		light.row("off", micros(wednesday, LocalTime.of(7, 5)), this.log);
		List<PatternReport.Regularity> found = Regularities.find(light, instant(wednesday, LocalTime.MIDNIGHT),
				instant(wednesday.plusDays(1), LocalTime.MIDNIGHT), BERLIN);
		assertThat(found).extracting(PatternReport.Regularity::description)
			.containsExactly("light.kitchen turns on on weekdays at 06:45 ± 1 min on 100% of days");
		assertThat(light.activations).isEqualTo(1);
		assertThat(light.onSeconds.get(0)).isEqualTo(20 * 60);
	}

	@Test
	void keepsLocalTimeAcrossTheChangesToAndFromSummerTime() {
		// Berlin moves its clocks forward on 2026-03-29 and back on 2026-10-25.
		for (LocalDate changeDay : List.of(LocalDate.of(2026, 3, 29), LocalDate.of(2026, 10, 25))) {
			LocalDate from = changeDay.minusDays(6);
			EntityActivity light = new EntityActivity("light.kitchen", 0, BERLIN);
			light.start("off", micros(from, LocalTime.MIDNIGHT));
			for (LocalDate day = from; day.isBefore(from.plusDays(14)); day = day.plusDays(1)) {
				light.row("on", micros(day, LocalTime.of(6, 45)), this.log);
				light.row("off", micros(day, LocalTime.of(7, 15)), this.log);
			}
			List<PatternReport.Regularity> found = Regularities.find(light, instant(from, LocalTime.MIDNIGHT),
					instant(from.plusDays(14), LocalTime.MIDNIGHT), BERLIN);
			assertThat(found).as(changeDay.toString())
				.extracting(PatternReport.Regularity::description)
				.containsExactly("light.kitchen turns on on every day at 06:45 ± 1 min on 100% of days");
			int atSix = 0;
			for (int[] weekday : light.activity) {
				atSix += weekday[6];
			}
			assertThat(atSix).as(changeDay.toString()).isEqualTo(14);
			assertThat(light.onSeconds.sorted()).as(changeDay.toString()).containsOnly(30 * 60);
		}
	}

	private static List<PatternReport.Regularity> find(EntityActivity activity, int days) {
		return Regularities.find(activity, instant(MONDAY, LocalTime.MIDNIGHT),
				instant(MONDAY.plusDays(days), LocalTime.MIDNIGHT), BERLIN);
	}

	static boolean isWeekend(LocalDate day) {
		return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
	}

	static Instant instant(LocalDate day, LocalTime time) {
		return day.atTime(time).atZone(BERLIN).toInstant();
	}

	static long micros(LocalDate day, LocalTime time) {
		Instant instant = instant(day, time);
		return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
	}

}
