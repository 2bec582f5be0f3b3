package dev.archon.api.wire.agents;

/**
 * A tool of Archon's library that the built-in composer wrote into a version.
 *
 * @param name the Python function's name, such as {@code github_list_issues}
 * @param reason why it was chosen: what the plan needs of it, and how close its
 * description is to the request
 */
public record ChosenTool(String name, String reason) {

}
