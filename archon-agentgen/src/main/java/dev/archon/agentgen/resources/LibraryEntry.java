package dev.archon.agentgen.resources;

import java.util.List;
import java.util.Map;

/**
 * One entry of the agent-resources library: an example agent, a tool or an MCP server
 * configuration.
 *
 * @param kind {@code example}, {@code tool} or {@code mcp}
 * @param name its name (a tool's Python function name)
 * @param description what it is for, in one sentence
 * @param tags words that a description must share with it to be relevant
 * @param body its Markdown body
 * @param code a tool's Python function, empty for other kinds
 * @param requirements the packages a tool needs
 * @param environment the environment variables a tool reads, each with a comment
 */
public record LibraryEntry(String kind, String name, String description, List<String> tags, String body, String code,
		List<String> requirements, Map<String, String> environment) {

}
