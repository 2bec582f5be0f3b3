package dev.archon.ha.patterns;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads ISO-8601 timestamps into microseconds since the epoch. Home Assistant writes one
 * fixed form ({@code 2026-01-31T06:45:00.123456+00:00}), read here straight from the
 * parser's characters: the general java.time parser would cost more than all the rest of
 * a history row's work. Other forms go to the general parser.
 */
final class IsoTimes {

	/** What {@link #micros} answers for text that is not a timestamp. */
	static final long INVALID = Long.MIN_VALUE;

	private static final long MICROS_PER_SECOND = 1_000_000L;

	/** java.time's limit, ±18:00. */
	private static final int MAX_OFFSET_SECONDS = 18 * 3600;

	private static final int[] POWERS_OF_TEN = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000 };

	private IsoTimes() {
	}

	/**
	 * Reads a timestamp; digits of a second beyond the microsecond are dropped.
	 * @param text the timestamp
	 * @return microseconds since the epoch, or {@link #INVALID}
	 */
	static long micros(String text) {
		long fast = fastMicros(text.toCharArray(), 0, text.length());
		return (fast != INVALID) ? fast : generalMicros(text);
	}

	/**
	 * Reads a timestamp from a run of characters.
	 * @param chars holds the timestamp
	 * @param offset where it starts
	 * @param length how long it is
	 * @return microseconds since the epoch, or {@link #INVALID}
	 */
	static long micros(char[] chars, int offset, int length) {
		long fast = fastMicros(chars, offset, length);
		return (fast != INVALID) ? fast : generalMicros(new String(chars, offset, length));
	}

	private static long generalMicros(String text) {
		try {
			Instant instant = OffsetDateTime.parse(text).toInstant();
			return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND),
					instant.getNano() / 1_000);
		}
		catch (DateTimeParseException | ArithmeticException ex) {
			return INVALID;
		}
	}

	/**
	 * Reads {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]±HH:mm}, or answers {@link #INVALID}.
	 */
	private static long fastMicros(char[] c, int at, int length) {
		if (length < 25 || length > 35 || c[at + 4] != '-' || c[at + 7] != '-' || c[at + 10] != 'T' || c[at + 13] != ':'
				|| c[at + 16] != ':') {
			return INVALID;
		}
		int zone = at + length - 6;
		char sign = c[zone];
		if ((sign != '+' && sign != '-') || c[zone + 3] != ':') {
			return INVALID;
		}
		long micros = 0;
		if (zone > at + 19) {
			int digits = zone - at - 20;
			if (c[at + 19] != '.' || digits < 1) {
				return INVALID;
			}
			int used = Math.min(digits, 6);
			int fraction = digits(c, at + 20, at + 20 + used);
			if (fraction < 0 || digits(c, at + 20 + used, zone) < 0) {
				return INVALID;
			}
			micros = (long) fraction * POWERS_OF_TEN[6 - used];
		}
		else if (zone != at + 19) {
			return INVALID;
		}
		int year = digits(c, at, at + 4);
		int month = digits(c, at + 5, at + 7);
		int day = digits(c, at + 8, at + 10);
		int hour = digits(c, at + 11, at + 13);
		int minute = digits(c, at + 14, at + 16);
		int second = digits(c, at + 17, at + 19);
		int offsetHours = digits(c, zone + 1, zone + 3);
		int offsetMinutes = digits(c, zone + 4, zone + 6);
		if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour < 0 || hour > 23
				|| minute < 0 || minute > 59 || second < 0 || second > 59 || offsetHours < 0 || offsetMinutes < 0
				|| offsetMinutes > 59 || offsetHours * 3600 + offsetMinutes * 60 > MAX_OFFSET_SECONDS) {
			return INVALID;
		}
		int offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * ((sign == '+') ? 1 : -1);
		long seconds = epochDay(year, month, day) * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
		return seconds * MICROS_PER_SECOND + micros;
	}

	/**
	 * The number the digits between two indexes spell, or -1 when a character is not one.
	 */
	private static int digits(char[] c, int from, int to) {
		int value = 0;
		for (int i = from; i < to; i++) {
			int digit = c[i] - '0';
			if (digit < 0 || digit > 9) {
				return -1;
			}
			value = value * 10 + digit;
		}
		return value;
	}

	private static int daysInMonth(int year, int month) {
		return switch (month) {
			case 2 -> isLeap(year) ? 29 : 28;
			case 4, 6, 9, 11 -> 30;
			default -> 31;
		};
	}

	private static boolean isLeap(int year) {
		return (year % 4 == 0) && (year % 100 != 0 || year % 400 == 0);
	}

	/**
	 * Days since 1970-01-01 of a proleptic Gregorian date, counted in eras of 400 years
	 * that begin in March, so that the leap day ends each year.
	 */
	static long epochDay(int year, int month, int day) {
		int y = (month <= 2) ? year - 1 : year;
		int era = Math.floorDiv(y, 400);
		int yearOfEra = y - era * 400;
		int dayOfYear = (153 * (month + ((month > 2) ? -3 : 9)) + 2) / 5 + day - 1;
		int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
		return era * 146_097L + dayOfEra - 719_468;
	}

}
