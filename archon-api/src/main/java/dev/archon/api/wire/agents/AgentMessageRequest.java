package dev.archon.api.wire.agents;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A message on a generated agent, which makes its next version: {@code POST
 * /api/v1/agents/{id}/messages}.
 *
 * @param message {@code refine} to run the refiners, or feedback for the coder
 */
public record AgentMessageRequest(@NotBlank @Size(max = 8000) String message) {

}
