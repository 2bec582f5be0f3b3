package dev.archon.agentgen.job;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A generation request, as accepted.
 *
 * @param description the user's description of the agent
 * @param framework the framework, such as {@code pydantic-ai}
 * @param refinements refinement rounds, 0 to 5
 * @param sources archon-vector sources to ground in
 * @param providerHint a provider to try first
 * @param useCache whether an identical earlier request may answer
 * @param idempotencyKey the client's {@code Idempotency-Key}
 */
public record NewJob(String description, String framework, int refinements, List<String> sources,
		@Nullable String providerHint, boolean useCache, @Nullable String idempotencyKey) {

}
