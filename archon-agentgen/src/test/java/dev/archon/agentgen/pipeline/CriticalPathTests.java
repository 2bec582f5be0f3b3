package dev.archon.agentgen.pipeline;

import java.math.BigDecimal;
import java.util.Map;

import dev.archon.agentgen.pipeline.PipelineRun.StepOutcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CriticalPathTests {

	@Test
	void countsTheLongestOfParallelStepsAndEveryCoder() {
		Map<String, StepOutcome> steps = Map.ofEntries(llm("scope", 300), llm("advisor", 500),
				Map.entry("retrieval", StepOutcome.local("pages", "grounded")), llm("coder", 1000),
				llm("refine-1-prompt", 200), llm("refine-1-tools", 700), llm("refine-1-agent", 400),
				llm("refine-1-coder", 900), llm("refine-2-prompt", 600), llm("refine-2-tools", 100),
				llm("refine-2-agent", 250), llm("refine-2-coder", 800),
				Map.entry("validation", StepOutcome.local("{}", "passed")));
		assertThat(CriticalPath.llmMillis(steps::get)).isEqualTo(500 + 1000 + 700 + 900 + 600 + 800);
	}

	@Test
	void countsTheUnnumberedRoundOfANewVersionMadeWithRefine() {
		Map<String, StepOutcome> steps = Map.ofEntries(llm("refine-prompt", 200), llm("refine-tools", 300),
				llm("refine-agent", 100), llm("coder", 900));
		assertThat(CriticalPath.llmMillis(steps::get)).isEqualTo(300 + 900);
	}

	@Test
	void isZeroWithoutSteps() {
		assertThat(CriticalPath.llmMillis((step) -> null)).isZero();
	}

	@Test
	void namesTheKindOfAStepWithoutItsRound() {
		assertThat(Steps.kind("refine-2-tools")).isEqualTo("refine-tools");
		assertThat(Steps.kind("refine-12-coder")).isEqualTo("coder");
		assertThat(Steps.kind("refine-agent")).isEqualTo("refine-agent");
		assertThat(Steps.kind("scope")).isEqualTo("scope");
		assertThat(Steps.kind("validation")).isEqualTo("validation");
	}

	private static Map.Entry<String, StepOutcome> llm(String step, long millis) {
		return Map.entry(step,
				new StepOutcome("text", "openai", "gpt-4o-mini", 10, 10, BigDecimal.ZERO, millis, false, null));
	}

}
