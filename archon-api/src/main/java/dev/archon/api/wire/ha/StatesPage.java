package dev.archon.api.wire.ha;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * The states that match a query: {@code GET /api/v1/ha/states}. While Home Assistant is
 * out of reach the bridge keeps answering from its last known copy, and says so.
 *
 * @param count how many states match
 * @param synchronised whether the bridge is synchronised with Home Assistant
 * @param stale whether the states are a copy that may have gone out of date, because the
 * bridge is not synchronised
 * @param ageSeconds how long ago the copy was last known to be current, in whole seconds;
 * 0 while synchronised
 * @param states Home Assistant's state objects, ordered by entity id
 */
public record StatesPage(int count, boolean synchronised, boolean stale, long ageSeconds, List<JsonNode> states) {

}
