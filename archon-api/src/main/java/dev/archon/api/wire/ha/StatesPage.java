package dev.archon.api.wire.ha;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * The states that match a query: {@code GET /api/v1/ha/states}.
 *
 * @param count how many states match
 * @param synchronised whether the bridge is synchronised with Home Assistant, rather than
 * serving a possibly stale copy
 * @param states Home Assistant's state objects, ordered by entity id
 */
public record StatesPage(int count, boolean synchronised, List<JsonNode> states) {

}
