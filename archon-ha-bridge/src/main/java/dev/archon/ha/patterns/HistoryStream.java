package dev.archon.ha.patterns;

import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a {@code /api/history/period} response token by token and hands each row to its
 * entity's {@link EntityActivity}, so that no part of the history is ever held as a tree.
 */
final class HistoryStream {

	private HistoryStream() {
	}

	/**
	 * Reads the response.
	 * @param json makes the parser
	 * @param body the response body
	 * @param activities the entities' folds, by entity id; rows of others are skipped
	 * @param start the period's start: the first row's time is clamped to it
	 * @param log collects activations
	 * @return how many rows were read
	 */
	static long read(JsonMapper json, InputStream body, Map<String, EntityActivity> activities, Instant start,
			ActivationLog log) {
		long rows = 0;
		try (JsonParser parser = json.createParser(body)) {
			if (parser.nextToken() != JsonToken.START_ARRAY) {
				throw new IllegalStateException("History is not an array");
			}
			while (parser.nextToken() == JsonToken.START_ARRAY) {
				EntityActivity activity = null;
				boolean first = true;
				while (parser.nextToken() == JsonToken.START_OBJECT) {
					String entityId = null;
					String state = null;
					String changed = null;
					while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
						String name = parser.currentName();
						JsonToken value = parser.nextToken();
						switch (name) {
							case "entity_id" -> entityId = parser.getString();
							case "state" -> state = parser.getString();
							case "last_changed" -> changed = parser.getString();
							default -> {
								if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
									parser.skipChildren();
								}
							}
						}
					}
					if (first && entityId != null) {
						activity = activities.get(entityId);
					}
					if (!first && activity != null && activity.numeric && state != null) {
						// A measurement needs no time: only its changes are counted.
						activity.measurement(state);
						rows++;
						continue;
					}
					Instant at = instant(changed);
					if (activity != null && state != null && at != null) {
						activity.row(state, first && at.isBefore(start) ? start : at, first, log);
						rows++;
					}
					first = false;
				}
			}
		}
		return rows;
	}

	static @Nullable Instant instant(@Nullable String iso) {
		if (iso == null) {
			return null;
		}
		Instant fast = fastInstant(iso);
		if (fast != null) {
			return fast;
		}
		try {
			return OffsetDateTime.parse(iso).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * Reads Home Assistant's own timestamp form
	 * ({@code 2026-01-31T06:45:00.123456+00:00}) without the general parser, which would
	 * cost more than the rest of a row's work.
	 * @param iso the timestamp
	 * @return the instant, or {@code null} when it has another form
	 */
	private static @Nullable Instant fastInstant(String iso) {
		int length = iso.length();
		if (length < 25 || iso.charAt(4) != '-' || iso.charAt(7) != '-' || iso.charAt(10) != 'T'
				|| iso.charAt(13) != ':' || iso.charAt(16) != ':') {
			return null;
		}
		int offsetAt = length - 6;
		char sign = iso.charAt(offsetAt);
		if ((sign != '+' && sign != '-') || iso.charAt(length - 3) != ':') {
			return null;
		}
		int nanos = 0;
		if (offsetAt > 19) {
			int digits = offsetAt - 20;
			if (iso.charAt(19) != '.' || digits < 1 || digits > 9) {
				return null;
			}
			nanos = digits(iso, 20, offsetAt);
			for (int i = digits; i < 9 && nanos >= 0; i++) {
				nanos *= 10;
			}
		}
		else if (offsetAt != 19) {
			return null;
		}
		int year = digits(iso, 0, 4);
		int month = digits(iso, 5, 7);
		int day = digits(iso, 8, 10);
		int hour = digits(iso, 11, 13);
		int minute = digits(iso, 14, 16);
		int second = digits(iso, 17, 19);
		int offsetHours = digits(iso, offsetAt + 1, offsetAt + 3);
		int offsetMinutes = digits(iso, offsetAt + 4, offsetAt + 6);
		if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
				|| minute > 59 || second < 0 || second > 59 || nanos < 0 || offsetHours < 0 || offsetMinutes < 0) {
			return null;
		}
		long epochDay;
		try {
			epochDay = LocalDate.of(year, month, day).toEpochDay();
		}
		catch (DateTimeException ex) {
			return null;
		}
		long offsetSeconds = (offsetHours * 3600L + offsetMinutes * 60L) * ((sign == '+') ? 1 : -1);
		return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds, nanos);
	}

	/**
	 * The number the digits between two indexes spell, or -1 when a character is not one.
	 */
	private static int digits(String text, int from, int to) {
		int value = 0;
		for (int i = from; i < to; i++) {
			int digit = text.charAt(i) - '0';
			if (digit < 0 || digit > 9) {
				return -1;
			}
			value = value * 10 + digit;
		}
		return value;
	}

}
