package dev.archon.api.wire.agents;

import java.util.List;

/**
 * The latest jobs, newest first: {@code GET /api/v1/agents}.
 *
 * @param agents the jobs
 */
public record AgentList(List<AgentSummary> agents) {

}
