package dev.archon.api.wire.agents;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.jspecify.annotations.Nullable;

/**
 * A version's files were made and stored, with what they were made from, as the job then
 * shows them.
 *
 * @param version the version
 * @param degraded whether the built-in template provider wrote any of it
 * @param validationPassed whether no validation check failed
 * @param cached whether the result cache answered, with no step run
 * @param grounded whether a page of archon-vector's documentation was used, {@code null}
 * in events stored before it was told
 * @param plan the plan the files implement, when the built-in composer wrote them
 * @param pages the documentation pages retrieved, best first
 * @param tools the library's tools the built-in composer wrote in, each with why
 */
@JsonTypeName("job-succeeded")
public record JobSucceeded(int version, boolean degraded, boolean validationPassed, boolean cached,
		@Nullable Boolean grounded, @Nullable AgentPlan plan, List<GroundingPage> pages,
		List<ChosenTool> tools) implements JobFinished {

	public JobSucceeded(int version, boolean degraded, boolean validationPassed, boolean cached,
			@Nullable Boolean grounded, @Nullable AgentPlan plan, @Nullable List<GroundingPage> pages,
			@Nullable List<ChosenTool> tools) {
		this.version = version;
		this.degraded = degraded;
		this.validationPassed = validationPassed;
		this.cached = cached;
		this.grounded = grounded;
		this.plan = plan;
		// Events stored before a version's pages and tools were told have none.
		this.pages = (pages != null) ? List.copyOf(pages) : List.of();
		this.tools = (tools != null) ? List.copyOf(tools) : List.of();
	}

	@Override
	public JobStatus status() {
		return JobStatus.SUCCEEDED;
	}

}
