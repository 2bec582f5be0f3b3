package dev.archon.api.wire.agents;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One version, with its files and what they were made from: {@code GET
 * /api/v1/agents/{id}/versions/{number}}. A version made before Archon recorded its plan,
 * pages and tools has none, and {@code grounded} is {@code null}.
 *
 * @param number the version
 * @param files its files, by path
 * @param grounded whether a page of archon-vector's documentation was used
 * @param plan the plan its files implement, when the built-in composer wrote them
 * @param pages the documentation pages retrieved for it, best first
 * @param tools the library's tools the built-in composer wrote into it, each with why;
 * empty when a model wrote the files
 */
public record AgentVersionFiles(int number, List<AgentFile> files, @Nullable Boolean grounded, @Nullable AgentPlan plan,
		List<GroundingPage> pages, List<ChosenTool> tools) {

}
