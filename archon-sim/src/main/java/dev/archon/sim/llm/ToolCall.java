package dev.archon.sim.llm;

/**
 * A tool the simulated model calls instead of answering with text.
 *
 * @param name the tool, as the request offered it
 * @param arguments its arguments, as a JSON object
 */
public record ToolCall(String name, String arguments) {

}
