package dev.archon.agentgen.pipeline;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the pipeline generates: a first version from a description, or a next version from
 * feedback on the previous one.
 *
 * @param description the user's description of the agent
 * @param framework the framework to write for, such as {@code pydantic-ai}
 * @param refinements refinement rounds after the first coder pass (first version only)
 * @param sources archon-vector sources to ground in, all when empty
 * @param providerHint a provider to try first
 * @param version the version to produce, from 1
 * @param feedback the user's message on the previous version: {@code refine} runs the
 * refiners, anything else goes to the coder
 * @param previousFiles the previous version's files
 */
public record GenerationRequest(String description, String framework, int refinements, List<String> sources,
		@Nullable String providerHint, int version, @Nullable String feedback, Map<String, String> previousFiles) {

}
