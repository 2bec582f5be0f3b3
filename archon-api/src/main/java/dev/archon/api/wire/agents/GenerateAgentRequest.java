package dev.archon.api.wire.agents;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * An agent to generate: {@code POST /api/v1/agents}.
 *
 * @param description the agent to build, in plain words, 10 to 8,000 characters
 * @param framework the framework to write for, {@code pydantic-ai} when absent
 * @param refinements refinement rounds, 0 to 5, 1 when absent
 * @param sources archon-vector sources to ground in, all when absent
 * @param providerHint an LLM provider to try first
 * @param cache {@code false} to skip the result cache
 */
public record GenerateAgentRequest(@NotNull @Size(min = 10, max = 8000) String description,
		@Nullable @Size(max = 50) String framework, @Nullable @Min(0) @Max(5) Integer refinements,
		@Nullable @Size(max = 20) List<@Size(max = 200) String> sources, @Nullable @Size(max = 100) String providerHint,
		@Nullable Boolean cache) {

	/** The framework written for when a request names none. */
	public static final String DEFAULT_FRAMEWORK = "pydantic-ai";

	/** The refinement rounds run when a request does not say. */
	public static final int DEFAULT_REFINEMENTS = 1;

	public String frameworkOrDefault() {
		return (this.framework != null) ? this.framework : DEFAULT_FRAMEWORK;
	}

	public int refinementsOrDefault() {
		return (this.refinements != null) ? this.refinements : DEFAULT_REFINEMENTS;
	}

	public List<String> sourcesOrAll() {
		return (this.sources != null) ? this.sources : List.of();
	}

	public boolean useCache() {
		return !Boolean.FALSE.equals(this.cache);
	}

}
