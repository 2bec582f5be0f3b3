package dev.archon.api.wire.ha;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One change of an entity's state, the data of a {@code state_changed} event on
 * {@code GET /api/v1/ha/events}, named as Home Assistant names the members of its own
 * event.
 *
 * @param entityId the entity
 * @param oldState its state before, absent when the entity is new
 * @param newState its state after, absent when the entity was removed
 */
public record StateChanged(@JsonProperty("entity_id") String entityId,
		@JsonProperty("old_state") @Nullable JsonNode oldState,
		@JsonProperty("new_state") @Nullable JsonNode newState) {

	/**
	 * The change that the data of a Home Assistant {@code state_changed} event describes.
	 * @param data the event's data
	 * @return the change
	 */
	public static StateChanged of(JsonNode data) {
		return new StateChanged(data.path("entity_id").asString(""), state(data.get("old_state")),
				state(data.get("new_state")));
	}

	private static @Nullable JsonNode state(@Nullable JsonNode state) {
		return (state != null && state.isObject()) ? state : null;
	}

}
