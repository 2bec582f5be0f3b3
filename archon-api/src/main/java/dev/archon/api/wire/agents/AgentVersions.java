package dev.archon.api.wire.agents;

import java.util.List;

/**
 * The versions of a generated agent, oldest first: {@code GET
 * /api/v1/agents/{id}/versions}.
 *
 * @param versions each version
 */
public record AgentVersions(List<AgentVersion> versions) {

}
