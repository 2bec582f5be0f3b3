package dev.archon.ha.patterns;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IsoTimesTests {

	@Test
	void readsHomeAssistantsFormLikeJavaTime() {
		assertSameAsJavaTime("2026-01-31T06:45:00.123456+00:00");
		assertSameAsJavaTime("2026-03-29T01:59:59+02:00");
		assertSameAsJavaTime("2024-02-29T23:00:00.5-05:30");
		assertSameAsJavaTime("1999-12-31T23:59:59.999999999+14:00");
		assertSameAsJavaTime("1969-12-31T23:59:59.000001+00:00");
		assertSameAsJavaTime("2000-02-29T00:00:00-18:00");
	}

	@Test
	void readsManyTimesWithEveryOffsetAndFractionLikeJavaTime() {
		Random random = new Random(42);
		for (int i = 0; i < 100_000; i++) {
			long epochSecond = random.nextLong(-2_208_988_800L, 4_102_444_800L);
			int nanos = random.nextInt(1_000_000_000);
			ZoneOffset offset = ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 60, 18 * 60 + 1) * 60);
			int digits = random.nextInt(10);
			String pattern = "uuuu-MM-dd'T'HH:mm:ss" + ((digits > 0) ? "." + "S".repeat(digits) : "") + "xxx";
			String text = OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond, nanos), offset)
				.format(DateTimeFormatter.ofPattern(pattern));
			assertSameAsJavaTime(text);
		}
	}

	@Test
	void leavesOtherFormsToTheGeneralParser() {
		assertSameAsJavaTime("2026-01-31T06:45:00Z");
		assertSameAsJavaTime("2026-01-31T06:45Z");
		assertSameAsJavaTime("2026-01-31T06:45:00.5+01:00:30");
		assertSameAsJavaTime("2026-01-31T06:45:00.+00:00");
	}

	@Test
	void refusesWhatIsNotATime() {
		for (String text : new String[] { "not a time", "", "2026-02-29T06:45:00.000000+00:00",
				"2026-02-30T06:45:00+00:00", "2026-04-31T06:45:00+00:00", "2026-13-01T06:45:00+00:00",
				"2026-01-01T24:00:00+00:00", "2026-01-01T23:60:00+00:00", "2026-01-01T23:59:60+00:00",
				"2026-01-01T06:45:00+19:00", "2026-01-01T06:45:00.12a+00:00", "2026-01-01T06:45:00.1234567890+00:00",
				"2026-01-01 06:45:00+00:00" }) {
			assertThat(IsoTimes.micros(text)).as(text).isEqualTo(IsoTimes.INVALID);
		}
	}

	@Test
	void readsFromAnyPlaceInABuffer() {
		char[] buffer = "xx2026-01-31T06:45:00.123456+00:00yy".toCharArray();
		assertThat(IsoTimes.micros(buffer, 2, 32)).isEqualTo(javaTimeMicros("2026-01-31T06:45:00.123456+00:00"));
	}

	@Test
	void countsDaysLikeLocalDate() {
		for (java.time.LocalDate day = java.time.LocalDate.of(1600, 1, 1); day.getYear() < 2401; day = day
			.plusDays(1)) {
			assertThat(IsoTimes.epochDay(day.getYear(), day.getMonthValue(), day.getDayOfMonth())).as(day.toString())
				.isEqualTo(day.toEpochDay());
		}
	}

	private static void assertSameAsJavaTime(String text) {
		assertThat(IsoTimes.micros(text)).as(text).isEqualTo(javaTimeMicros(text));
	}

	private static long javaTimeMicros(String text) {
		Instant instant = OffsetDateTime.parse(text).toInstant();
		return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
	}

}
