package dev.archon.agentgen.pipeline;

import java.util.function.Function;

import dev.archon.agentgen.pipeline.PipelineRun.StepOutcome;
import org.jspecify.annotations.Nullable;

/**
 * The LLM time on a version's critical path: scope and advisor run side by side, so do
 * the three refiners of a round; everything else runs one after the other. What a job
 * took beyond it is Archon's own overhead. The benchmark ({@code bench/agents/bench.py},
 * {@code llm_critical_path_ms}) computes the same.
 */
public final class CriticalPath {

	private CriticalPath() {
	}

	/**
	 * Sums the LLM time of the steps on the critical path of one version.
	 * @param finished the version's finished steps by name, {@code null} for a step that
	 * did not run
	 * @return milliseconds
	 */
	public static long llmMillis(Function<String, @Nullable StepOutcome> finished) {
		long total = Math.max(llm(finished, Steps.SCOPE), llm(finished, Steps.ADVISOR)) + llm(finished, Steps.CODER);
		for (int round = 1; finished.apply(Steps.round(round) + Steps.CODER) != null; round++) {
			total += refiners(finished, Steps.round(round)) + llm(finished, Steps.round(round) + Steps.CODER);
		}
		// A version made with the feedback "refine" has one unnumbered round, whose coder
		// is the plain coder counted above.
		return total + refiners(finished, Steps.REFINE);
	}

	private static long refiners(Function<String, @Nullable StepOutcome> finished, String prefix) {
		long longest = 0;
		for (String refiner : Steps.REFINERS) {
			longest = Math.max(longest, llm(finished, Steps.refiner(prefix, refiner)));
		}
		return longest;
	}

	private static long llm(Function<String, @Nullable StepOutcome> finished, String step) {
		StepOutcome outcome = finished.apply(step);
		return (outcome != null) ? outcome.llmMillis() : 0;
	}

}
