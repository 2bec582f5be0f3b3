package dev.archon.ha.patterns;

import java.io.InputStream;
import java.time.Instant;
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

	private static @Nullable Instant instant(@Nullable String iso) {
		if (iso == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(iso).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
