package dev.archon.api.wire.agents;

/**
 * A generated file.
 *
 * @param path its name, relative to the agent's folder
 * @param content its text
 */
public record AgentFile(String path, String content) {

}
