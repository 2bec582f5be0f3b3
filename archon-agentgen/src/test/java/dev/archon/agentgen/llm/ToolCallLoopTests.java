package dev.archon.agentgen.llm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.archon.agentgen.llm.LlmCall.TemplateInput;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tool-call loop of the langchain4j clients, against archon-sim's simulated
 * providers, whose coder calls the documentation search when it is offered.
 */
class ToolCallLoopTests {

	private static final String PAGE = "https://ai.pydantic.dev/agents/";

	private final SimulatedProviders sim = SimulatedProviders.shared();

	private final RecordingToolbox tools = new RecordingToolbox();

	private final List<Failover> failovers = new ArrayList<>();

	@AfterEach
	void resetFaults() {
		this.sim.reset();
	}

	@Test
	void runsTheToolTheModelCallsAndReturnsTheAnswerThatFollows() {
		ProviderPool pool = SimulatedProviders.pool(List.of(this.sim.openAi(), SimulatedProviders.builtin()));

		LlmAnswer answer = pool.chat(coderCall(), this.failovers::add);

		assertThat(this.tools.requests).singleElement().satisfies((request) -> {
			assertThat(request.name()).isEqualTo("retrieve_relevant_documentation");
			assertThat(request.arguments()).contains("weekly digest of my GitHub issues");
		});
		assertThat(answer.provider()).isEqualTo("sim-openai");
		assertThat(answer.text()).contains("# Written from the documentation at " + PAGE);
		assertThat(answer.inputTokens()).isGreaterThan(Tokens.estimate(coderCall().user()));
	}

	@Test
	void asksForTheAnswerWithoutToolsOnceTheRoundsAreSpent() {
		ProviderPool pool = SimulatedProviders.pool(List.of(this.sim.anthropic(), SimulatedProviders.builtin()),
				Duration.ofSeconds(30), new LlmProperties.ToolCalls(0, 60_000));

		LlmAnswer answer = pool.chat(coderCall(), this.failovers::add);

		assertThat(this.tools.requests).isEmpty();
		assertThat(answer.provider()).isEqualTo("sim-anthropic");
		assertThat(answer.text()).contains("### agent.py").doesNotContain(PAGE);
	}

	@Test
	void failsOverWhenTheProviderFailsMidLoop() {
		// Every second request fails: the first provider's answer to the tool result.
		this.sim.fault("{\"provider\":\"openai\",\"mode\":\"status\",\"status\":500,\"rate\":0.5}");
		ProviderPool pool = SimulatedProviders
			.pool(List.of(this.sim.openAi(), this.sim.anthropic(), SimulatedProviders.builtin()));

		LlmAnswer answer = pool.chat(coderCall(), this.failovers::add);

		assertThat(this.failovers).singleElement()
			.satisfies((failover) -> assertThat(failover.from()).isEqualTo("sim-openai"));
		assertThat(answer.provider()).isEqualTo("sim-anthropic");
		assertThat(answer.degraded()).isFalse();
		assertThat(this.tools.requests).hasSize(2);
		assertThat(answer.text()).contains(PAGE);
	}

	private LlmCall coderCall() {
		String description = "A weekly digest of my GitHub issues.";
		return new LlmCall("coder", ModelRole.PRIMARY, "You are the coder of Archon. Write the five files.",
				"The agent to build:\n" + description + "\n\nWrite the files.", TemplateInput.of(description), null,
				this.tools);
	}

	private static final class RecordingToolbox implements Toolbox {

		private final List<ToolExecutionRequest> requests = new CopyOnWriteArrayList<>();

		@Override
		public List<ToolSpecification> specifications() {
			return List.of(ToolSpecification.builder()
				.name("retrieve_relevant_documentation")
				.description("Search the documentation.")
				.parameters(JsonObjectSchema.builder().addStringProperty("query").required("query").build())
				.build());
		}

		@Override
		public String execute(ToolExecutionRequest request) {
			this.requests.add(request);
			return "## Agents — " + PAGE + "\nAn agent is a container for a system prompt and tools.";
		}

	}

}
