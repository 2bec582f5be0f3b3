package dev.archon.api.wire.agents;

import java.util.List;

/**
 * The files of one version: {@code GET /api/v1/agents/{id}/versions/{number}}.
 *
 * @param number the version
 * @param files its files, by path
 */
public record AgentVersionFiles(int number, List<AgentFile> files) {

}
