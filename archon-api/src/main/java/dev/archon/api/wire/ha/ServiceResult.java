package dev.archon.api.wire.ha;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * What a service call did.
 *
 * @param changedStates the state objects it changed, empty when it changed none
 * @param tookMs how long it took inside the bridge, in milliseconds
 */
public record ServiceResult(List<JsonNode> changedStates, long tookMs) {

}
