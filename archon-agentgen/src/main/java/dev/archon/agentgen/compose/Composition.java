package dev.archon.agentgen.compose;

import java.util.List;

/**
 * Everything the composer writes an agent from.
 *
 * @param name the agent's name, for its files' headers
 * @param description the user's description
 * @param plan what the agent must do
 * @param tools the library's tools it uses, each with why
 * @param pages the documentation retrieved for it
 * @param lessons what those pages teach its code
 */
record Composition(String name, String description, Plan plan, List<AgentTool> tools, List<Page> pages,
		Lessons lessons) {

	/**
	 * What the agent's runs are about when the description names it: a repository, a
	 * place, an entity.
	 * @return the subject, empty when the description names none
	 */
	String subject() {
		return this.plan.subject();
	}

}
