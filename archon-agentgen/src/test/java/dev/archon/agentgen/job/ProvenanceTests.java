package dev.archon.agentgen.job;

import java.util.List;
import java.util.Map;

import dev.archon.agentgen.compose.AgentTool;
import dev.archon.agentgen.compose.Composer;
import dev.archon.agentgen.compose.Page;
import dev.archon.agentgen.compose.PlanLine;
import dev.archon.agentgen.compose.Planner;
import dev.archon.agentgen.pipeline.GenerationResult;
import dev.archon.agentgen.pipeline.ValidationReport;
import dev.archon.api.wire.agents.AgentPlan;
import dev.archon.api.wire.agents.ChosenTool;
import dev.archon.api.wire.agents.GroundingPage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProvenanceTests {

	private static final ValidationReport PASSED = new ValidationReport(true, List.of());

	private static final Page TOOLS_PAGE = new Page("https://ai.pydantic.dev/tools/", "Function Tools", 0.81,
			"tools=[roll_dice]");

	@Test
	void readsThePlanTheComposersFilesCarryAsIds() {
		String description = "Every weekday at 8:00, post a weather briefing for Lyon to Discord";
		AgentTool weather = new AgentTool("get_weather", "The weather of a place.", "async def get_weather(ctx): ...",
				List.of(), Map.of(), "the plan reads the weather");
		Map<String, String> files = Composer
			.files(new Composer.Request(description, null, Map.of(), List.of(weather), List.of()));

		Provenance provenance = Provenance.of(new GenerationResult(files, PASSED, true, false, List.of(TOOLS_PAGE),
				PlanLine.json(Planner.plan(description)), List.of(weather)));

		AgentPlan plan = provenance.plan();
		assertThat(plan).isNotNull();
		assertThat(plan.trigger()).isEqualTo(new AgentPlan.Trigger("schedule", "0 8 * * 1-5", null));
		assertThat(plan.sources()).contains("weather");
		assertThat(plan.sinks()).containsExactly("discord");
		assertThat(provenance.tools()).containsExactly(new ChosenTool("get_weather", "the plan reads the weather"));
		assertThat(provenance.pages())
			.containsExactly(new GroundingPage("https://ai.pydantic.dev/tools/", "Function Tools", 0.81));
		assertThat(provenance.grounded()).isFalse();
	}

	@Test
	void hasNoPlanForFilesAModelWrote() {
		Provenance provenance = Provenance.of(new GenerationResult(Map.of("agent.py", "print('hello')\n"), PASSED,
				false, true, List.of(TOOLS_PAGE), null, List.of()));

		assertThat(provenance.plan()).isNull();
		assertThat(provenance.tools()).isEmpty();
		assertThat(provenance.grounded()).isTrue();
		assertThat(provenance.succeeded(1, false, true, false).pages()).isEqualTo(provenance.pages());
	}

}
