package dev.archon.agentgen.job;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.archon.agentgen.compose.Plan;
import dev.archon.agentgen.compose.PlanLine;
import dev.archon.agentgen.pipeline.GenerationResult;
import dev.archon.api.wire.agents.AgentPlan;
import dev.archon.api.wire.agents.ChosenTool;
import dev.archon.api.wire.agents.GroundingPage;
import dev.archon.api.wire.agents.JobSucceeded;
import org.jspecify.annotations.Nullable;

/**
 * What a version was made from, as it is stored with the version and shown on the job:
 * the plan its files implement, the documentation pages retrieved, the tools chosen with
 * why, and whether a page was used.
 *
 * @param grounded whether a page of archon-vector's documentation was used, {@code null}
 * for a version made before this was recorded
 * @param plan the plan, when the built-in composer wrote the files
 * @param pages the pages retrieved, best first
 * @param tools the tools the built-in composer wrote in, each with why
 */
record Provenance(@Nullable Boolean grounded, @Nullable AgentPlan plan, List<GroundingPage> pages,
		List<ChosenTool> tools) {

	/** A version made before its plan, pages and tools were recorded. */
	static final Provenance UNRECORDED = new Provenance(null, null, List.of(), List.of());

	Provenance {
		pages = List.copyOf(pages);
		tools = List.copyOf(tools);
	}

	static Provenance of(GenerationResult result) {
		// The plan is read from the files, as the next version's feedback reads it.
		Plan plan = PlanLine.read(result.files());
		return new Provenance(result.grounded(), (plan != null) ? plan(plan) : null,
				result.pages()
					.stream()
					.map((page) -> new GroundingPage(page.url(), page.title(), page.score()))
					.toList(),
				result.tools().stream().map((tool) -> new ChosenTool(tool.name(), tool.reason())).toList());
	}

	/**
	 * A version answered by the result cache, which keeps only what models wrote: no
	 * plan, and no tool chosen for them.
	 */
	static Provenance cached(CachedResult cached) {
		return new Provenance(cached.grounded(), null, cached.pages(), List.of());
	}

	/**
	 * The event that finishes the version, telling what it was made from.
	 * @param version the version
	 * @param degraded whether the built-in provider wrote any of it
	 * @param validationPassed whether no validation check failed
	 * @param cached whether the result cache answered
	 * @return the event
	 */
	JobSucceeded succeeded(int version, boolean degraded, boolean validationPassed, boolean cached) {
		return new JobSucceeded(version, degraded, validationPassed, cached, this.grounded, this.plan, this.pages,
				this.tools);
	}

	private static AgentPlan plan(Plan plan) {
		Plan.Trigger trigger = plan.trigger();
		return new AgentPlan(new AgentPlan.Trigger(id(trigger.mode()), trigger.cron(), trigger.entity()),
				ids(plan.sources()), ids(plan.steps()), ids(plan.sinks()), plan.labels(), plan.subject());
	}

	private static List<String> ids(Set<? extends Enum<?>> parts) {
		// In the plan's own order of each kind, as its Markdown lists them.
		return parts.stream().sorted().map(Provenance::id).toList();
	}

	private static String id(Enum<?> part) {
		return part.name().toLowerCase(Locale.ROOT);
	}

}
