package dev.archon.api.wire.agents;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A generation job as its owner sees it: {@code GET /api/v1/agents/{id}}.
 *
 * @param id the job
 * @param status where its latest version is
 * @param version the version of the files being made, or last made
 * @param description the description it was asked for
 * @param framework the framework
 * @param refinements the refinement rounds asked for
 * @param sources the sources it is grounded in
 * @param degraded whether the built-in template provider wrote any of it
 * @param grounded whether archon-vector's documentation was used, once known
 * @param cached whether the result came from the result cache
 * @param error why it failed
 * @param attempts how many times a worker claimed it
 * @param createdAt when it was accepted
 * @param startedAt when a worker first claimed it
 * @param finishedAt when it finished
 * @param steps its steps, with their timings
 * @param files the files of the latest version made
 * @param filesVersion that version
 * @param providers the providers and models that answered
 * @param tokens tokens used
 * @param cost what it cost, in US dollars
 * @param validation the latest validation report
 * @param plan the plan the files of {@code filesVersion} implement, when the built-in
 * composer wrote them
 * @param pages the documentation pages retrieved for {@code filesVersion}, best first
 * @param tools the library's tools the built-in composer wrote into {@code filesVersion},
 * each with why; empty when a model wrote the files
 */
public record AgentJob(UUID id, JobStatus status, int version, String description, String framework, int refinements,
		List<String> sources, boolean degraded, @Nullable Boolean grounded, boolean cached, @Nullable String error,
		int attempts, Instant createdAt, @Nullable Instant startedAt, @Nullable Instant finishedAt, List<Step> steps,
		List<AgentFile> files, @Nullable Integer filesVersion, List<ProviderUse> providers, Tokens tokens,
		BigDecimal cost, @Nullable Validation validation, @Nullable AgentPlan plan, List<GroundingPage> pages,
		List<ChosenTool> tools) {

	/**
	 * One step.
	 *
	 * @param version the version it belongs to
	 * @param name its name, such as {@code scope} or {@code refine-1-tools}
	 * @param status {@code running}, {@code succeeded} or {@code failed}
	 * @param provider the provider that answered
	 * @param model its model
	 * @param inputTokens prompt tokens
	 * @param outputTokens answer tokens
	 * @param cost what it cost
	 * @param llmMs time inside provider calls
	 * @param tookMs the step's whole time
	 * @param degraded whether the built-in provider answered
	 * @param detail a note
	 * @param startedAt when it started
	 * @param finishedAt when it finished
	 */
	public record Step(int version, String name, String status, @Nullable String provider, @Nullable String model,
			long inputTokens, long outputTokens, BigDecimal cost, long llmMs, @Nullable Long tookMs, boolean degraded,
			@Nullable String detail, Instant startedAt, @Nullable Instant finishedAt) {

	}

	/**
	 * A provider and model that answered some steps.
	 *
	 * @param provider the provider
	 * @param model the model
	 * @param calls how many steps it answered
	 */
	public record ProviderUse(String provider, String model, int calls) {

	}

	/**
	 * Token usage.
	 *
	 * @param input prompt tokens
	 * @param output answer tokens
	 */
	public record Tokens(long input, long output) {

	}

	/**
	 * What validation found in the generated files, which it reads and never runs.
	 *
	 * @param passed whether no check failed
	 * @param checks each check
	 */
	public record Validation(boolean passed, List<Check> checks) {

	}

	/**
	 * One validation check.
	 *
	 * @param name such as {@code python-syntax} or {@code secrets}
	 * @param status {@code passed}, {@code failed}, {@code skipped} or {@code warning}
	 * @param detail what was found
	 */
	public record Check(String name, String status, String detail) {

	}

}
