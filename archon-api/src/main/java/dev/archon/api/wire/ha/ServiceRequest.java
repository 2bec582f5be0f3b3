package dev.archon.api.wire.ha;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A service call's body, {@code POST /api/v1/ha/services/{domain}/{service}}, as Home
 * Assistant's WebSocket {@code call_service} takes it.
 *
 * @param target {@code entity_id}, {@code area_id} or {@code device_id}, each a string or
 * a list
 * @param data the service data
 */
public record ServiceRequest(@Nullable JsonNode target, @Nullable JsonNode data) {

	/** A call that names neither a target nor data. */
	public static final ServiceRequest EMPTY = new ServiceRequest(null, null);

}
