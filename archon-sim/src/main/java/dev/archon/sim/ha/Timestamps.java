package dev.archon.sim.ha;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

/**
 * Times as Home Assistant writes them: ISO-8601 in UTC with microseconds and an explicit
 * {@code +00:00} offset, or seconds since the epoch as a float in compressed messages.
 */
public final class Timestamps {

	private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'+00:00'")
		.withZone(ZoneOffset.UTC);

	private Timestamps() {
	}

	/**
	 * Now, truncated to microseconds like Python's datetime.
	 * @return the current instant
	 */
	public static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

	public static String iso(Instant instant) {
		return ISO.format(instant);
	}

	public static String isoMicros(long epochMicros) {
		return iso(ofMicros(epochMicros));
	}

	public static long micros(Instant instant) {
		return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
	}

	public static Instant ofMicros(long epochMicros) {
		return Instant.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000L),
				Math.floorMod(epochMicros, 1_000_000L) * 1_000L);
	}

	public static double epochSeconds(Instant instant) {
		return instant.getEpochSecond() + instant.getNano() / 1_000_000_000.0;
	}

	/**
	 * Parses a time the way Home Assistant's {@code dt_util.parse_datetime} does: with an
	 * offset, with {@code Z}, or without an offset (then in the home's zone). A {@code +}
	 * that reached us as a space (an unencoded query string) is taken back.
	 * @param text the text to parse
	 * @param zone the home's zone, for times without an offset
	 * @return the instant, or {@code null} when the text is not a time
	 */
	public static @Nullable Instant parse(String text, ZoneId zone) {
		String candidate = text.trim().replace(' ', '+');
		try {
			return OffsetDateTime.parse(candidate).toInstant().truncatedTo(ChronoUnit.MICROS);
		}
		catch (DateTimeParseException ex) {
			try {
				return LocalDateTime.parse(candidate).atZone(zone).toInstant().truncatedTo(ChronoUnit.MICROS);
			}
			catch (DateTimeParseException ex2) {
				return null;
			}
		}
	}

}
