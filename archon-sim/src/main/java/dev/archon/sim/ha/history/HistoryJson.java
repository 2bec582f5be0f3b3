package dev.archon.sim.ha.history;

import java.util.List;

import tools.jackson.core.JsonGenerator;

import dev.archon.sim.ha.EntityIds;
import dev.archon.sim.ha.Timestamps;

import org.springframework.stereotype.Component;

/**
 * Writes history straight from the generator into JSON, row by row, so that even 5,000
 * entities over a week never exist as one object tree: in the REST API's shape (an array
 * per entity) and in the WebSocket API's compressed shape (an object by entity id).
 */
@Component
public class HistoryJson {

	private final History history;

	public HistoryJson(History history) {
		this.history = history;
	}

	/**
	 * Writes {@code /api/history/period} rows: an array of arrays, one per entity with
	 * rows, the first row of each the full state at the start.
	 * @param generator where to write
	 * @param query what to read
	 */
	public void writeRest(JsonGenerator generator, Query query) {
		generator.writeStartArray();
		for (String entityId : query.entityIds()) {
			boolean needAttributes = History.NEED_ATTRIBUTE_DOMAINS.contains(EntityIds.domain(entityId));
			boolean[] started = { false };
			this.history.read(entityId, query.start(), query.end(), query.includeStartState(),
					query.significantChangesOnly(), (row) -> {
						boolean first = !started[0];
						if (first) {
							started[0] = true;
							generator.writeStartArray();
						}
						if (query.minimalResponse() && !first && !needAttributes) {
							generator.writeStartObject();
							generator.writeStringProperty("state", row.state());
							generator.writeStringProperty("last_changed", Timestamps.isoMicros(row.lastChanged()));
							generator.writeEndObject();
							return;
						}
						generator.writeStartObject();
						generator.writeStringProperty("entity_id", entityId);
						generator.writeStringProperty("state", row.state());
						generator.writeName("attributes");
						if (query.noAttributes() && !needAttributes) {
							generator.writeStartObject();
							generator.writeEndObject();
						}
						else {
							generator.writePOJO(row.attributes());
						}
						generator.writeStringProperty("last_changed", Timestamps.isoMicros(row.lastChanged()));
						generator.writeStringProperty("last_updated", Timestamps.isoMicros(row.lastUpdated()));
						generator.writeEndObject();
					});
			if (started[0]) {
				generator.writeEndArray();
			}
		}
		generator.writeEndArray();
	}

	/**
	 * Writes {@code history/history_during_period} rows: an object by entity id, each an
	 * array of compressed rows ({@code s}, {@code a}, {@code lu}, {@code lc} when it
	 * differs from {@code lu}).
	 * @param generator where to write
	 * @param query what to read
	 */
	public void writeCompressed(JsonGenerator generator, Query query) {
		generator.writeStartObject();
		for (String entityId : query.entityIds()) {
			boolean needAttributes = History.NEED_ATTRIBUTE_DOMAINS.contains(EntityIds.domain(entityId));
			boolean[] started = { false };
			this.history.read(entityId, query.start(), query.end(), query.includeStartState(),
					query.significantChangesOnly(), (row) -> {
						boolean first = !started[0];
						if (first) {
							started[0] = true;
							generator.writeName(entityId);
							generator.writeStartArray();
						}
						generator.writeStartObject();
						generator.writeStringProperty("s", row.state());
						if (query.minimalResponse() && !first && !needAttributes) {
							generator.writeNumberProperty("lu", row.lastChanged() / 1_000_000.0);
							generator.writeEndObject();
							return;
						}
						if (!query.noAttributes() || needAttributes) {
							generator.writeName("a");
							generator.writePOJO(row.attributes());
						}
						generator.writeNumberProperty("lu", row.lastUpdated() / 1_000_000.0);
						if (row.lastChanged() != row.lastUpdated()) {
							generator.writeNumberProperty("lc", row.lastChanged() / 1_000_000.0);
						}
						generator.writeEndObject();
					});
			if (started[0]) {
				generator.writeEndArray();
			}
		}
		generator.writeEndObject();
	}

	/**
	 * A history query.
	 *
	 * @param entityIds the entities, in the order their arrays appear
	 * @param start microseconds since the epoch
	 * @param end microseconds since the epoch
	 * @param includeStartState whether each entity begins with its state at the start
	 * @param significantChangesOnly whether attribute-only changes are left out
	 * @param minimalResponse whether rows after the first carry only state and time
	 * @param noAttributes whether attributes are left out
	 */
	public record Query(List<String> entityIds, long start, long end, boolean includeStartState,
			boolean significantChangesOnly, boolean minimalResponse, boolean noAttributes) {

	}

}
