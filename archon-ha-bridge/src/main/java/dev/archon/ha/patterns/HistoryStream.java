package dev.archon.ha.patterns;

import java.io.InputStream;
import java.util.Map;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a {@code /api/history/period} response token by token as it arrives and hands
 * each row to its entity's {@link EntityActivity}, so that no part of the history is ever
 * held as a tree, and a row makes no objects: states are read from the parser's
 * characters and named once per distinct state, times are read straight into
 * microseconds.
 */
final class HistoryStream {

	private final Map<String, EntityActivity> activities;

	private final long startMicros;

	private final ActivationLog log;

	private final StateNames names = new StateNames();

	/** The current row's state: the parser reuses its characters for the next token. */
	private char[] state = new char[32];

	private int stateLength = -1;

	/**
	 * Prepares a reader.
	 * @param activities the entities' folds, by entity id; rows of others are skipped
	 * @param startMicros the period's start: the first row's time is clamped to it
	 * @param log collects activations
	 */
	HistoryStream(Map<String, EntityActivity> activities, long startMicros, ActivationLog log) {
		this.activities = activities;
		this.startMicros = startMicros;
		this.log = log;
	}

	/**
	 * Reads one response.
	 * @param json makes the parser
	 * @param body the response body
	 * @return how many rows were read
	 */
	long read(JsonMapper json, InputStream body) {
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
					long changed = IsoTimes.INVALID;
					this.stateLength = -1;
					while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
						String name = parser.currentName();
						JsonToken value = parser.nextToken();
						if (value == JsonToken.VALUE_STRING) {
							switch (name) {
								case "entity_id" -> entityId = parser.getString();
								case "state" -> copyState(parser);
								case "last_changed" -> changed = IsoTimes.micros(parser.getStringCharacters(),
										parser.getStringOffset(), parser.getStringLength());
								default -> {
								}
							}
						}
						else if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
							parser.skipChildren();
						}
					}
					if (first) {
						first = false;
						activity = (entityId != null) ? this.activities.get(entityId) : null;
						if (activity != null && this.stateLength >= 0 && changed != IsoTimes.INVALID) {
							activity.start(new String(this.state, 0, this.stateLength),
									Math.max(changed, this.startMicros));
							rows++;
						}
					}
					else if (activity != null && this.stateLength >= 0 && row(activity, changed)) {
						rows++;
					}
				}
			}
		}
		return rows;
	}

	private boolean row(EntityActivity activity, long changed) {
		if (activity.numeric || EntityActivity.isNumber(this.state, 0, this.stateLength)) {
			// A measurement needs no time: only its changes are counted.
			activity.measurement(this.state, 0, this.stateLength);
			return true;
		}
		if (changed == IsoTimes.INVALID) {
			return false;
		}
		activity.row(this.names.name(this.state, 0, this.stateLength), changed, this.log);
		return true;
	}

	private void copyState(JsonParser parser) {
		int length = parser.getStringLength();
		if (length > this.state.length) {
			this.state = new char[Math.max(length, this.state.length * 2)];
		}
		System.arraycopy(parser.getStringCharacters(), parser.getStringOffset(), this.state, 0, length);
		this.stateLength = length;
	}

}
