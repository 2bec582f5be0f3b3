package dev.archon.agentgen.pipeline;

import java.util.List;
import java.util.Map;

import dev.archon.agentgen.compose.AgentTool;
import dev.archon.agentgen.compose.Page;
import org.jspecify.annotations.Nullable;

/**
 * A generated version.
 *
 * @param files the five files, by path
 * @param validation what validation found
 * @param degraded whether the built-in template provider wrote any of it
 * @param grounded whether a page of archon-vector's documentation was used
 * @param pages the pages used, best first
 * @param plan the plan the files implement, as JSON, when the built-in composer wrote
 * them
 * @param tools the library's tools the built-in composer wrote in, each with why it was
 * chosen; empty when a model wrote the files, since it picks its own
 */
public record GenerationResult(Map<String, String> files, ValidationReport validation, boolean degraded,
		boolean grounded, List<Page> pages, @Nullable String plan, List<AgentTool> tools) {

}
