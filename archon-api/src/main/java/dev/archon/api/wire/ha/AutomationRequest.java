package dev.archon.api.wire.ha;

import jakarta.validation.constraints.NotNull;
import tools.jackson.databind.JsonNode;

/**
 * An automation to create in Home Assistant: {@code POST /api/v1/ha/automations}.
 *
 * @param config the automation editor's JSON, such as a suggestion's {@code config}
 */
public record AutomationRequest(@NotNull JsonNode config) {

}
