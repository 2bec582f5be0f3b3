package dev.archon.agentgen.compose;

import java.util.List;
import java.util.Map;

/**
 * A tool from the library, as a generated agent embeds it.
 *
 * @param name the Python function's name
 * @param description what it does
 * @param code the function, taking {@code ctx: RunContext[Deps]} first
 * @param requirements the packages it needs
 * @param environment the environment variables it reads, each with a comment
 * @param reason why it was chosen for this agent
 */
public record AgentTool(String name, String description, String code, List<String> requirements,
		Map<String, String> environment, String reason) {

}
