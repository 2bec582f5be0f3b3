package dev.archon.agentgen.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.archon.agentgen.llm.SimulatedProviders;
import dev.archon.agentgen.llm.TestPools;
import dev.archon.agentgen.resources.AgentResources;
import dev.archon.api.wire.agents.JobEvent;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline against archon-sim, with archon-vector down.
 */
class PipelineTests {

	private final SimulatedProviders sim = SimulatedProviders.shared();

	private final AgentResources resources = AgentResources.load(List.of(Path.of("../agent-resources")));

	@AfterEach
	void resetFaults() {
		this.sim.reset();
	}

	@Test
	void generatesUngroundedWhenVectorIsDown() {
		RecordingRun run = new RecordingRun();
		GenerationResult result = pipeline(2).run(request("An agent that reads my open GitHub issues.", 1), run);
		assertThat(result.files()).containsOnlyKeys(CoderAnswer.FILES);
		assertThat(result.grounded()).isFalse();
		assertThat(result.degraded()).isFalse();
		assertThat(run.types()).contains("ungrounded");
		assertThat(run.finished.keySet()).contains("1/scope", "1/advisor", "1/retrieval", "1/coder",
				"1/refine-1-prompt", "1/refine-1-tools", "1/refine-1-agent", "1/refine-1-coder", "1/validation");
	}

	@Test
	void restartsAStepWhoseStreamBrokeAfterTokens() {
		this.sim.fault("{\"provider\":\"openai\",\"mode\":\"drop-mid-stream\",\"rate\":0.5}");
		RecordingRun run = new RecordingRun();
		GenerationResult result = pipeline(6).run(request("An agent that summarises a web page.", 0), run);
		assertThat(result.files()).hasSize(5);
		assertThat(run.types()).contains("step-restarted");
	}

	@Test
	void skipsTheStepsAlreadyFinished() {
		RecordingRun run = new RecordingRun();
		run.finished.put("1/scope", PipelineRun.StepOutcome.local("# Scope from before", null));
		pipeline(2).run(request("An agent that tells the time in Tokyo.", 0), run);
		assertThat(run.started).doesNotContain("1/scope").contains("1/advisor", "1/coder");
	}

	@Test
	void writesADegradedAgentWithTheBuiltinProviderAlone() {
		Pipeline pipeline = new Pipeline(TestPools.builtinOnly(), new Prompts(), this.resources, deadVector(),
				new Validator("python3", Duration.ofSeconds(20)), 2);
		GenerationResult result = pipeline.run(request("Switch off the kitchen lights at midnight.", 1),
				new RecordingRun());
		assertThat(result.degraded()).isTrue();
		assertThat(result.validation().passed()).isTrue();
		assertThat(result.files().get("agent_tools.py")).contains("ha_call_service");
	}

	private Pipeline pipeline(int restarts) {
		return new Pipeline(
				SimulatedProviders.pool(List.of(this.sim.openAi(), this.sim.anthropic(), SimulatedProviders.builtin())),
				new Prompts(), this.resources, deadVector(), new Validator("python3", Duration.ofSeconds(20)),
				restarts);
	}

	private static Retrieval deadVector() {
		return new Retrieval(RestClient.create("http://localhost:9"));
	}

	private static GenerationRequest request(String description, int refinements) {
		return new GenerationRequest(description, "pydantic-ai", refinements, List.of(), null, 1, null, Map.of());
	}

	static final class RecordingRun implements PipelineRun {

		final Map<String, StepOutcome> finished = new ConcurrentHashMap<>();

		final List<String> started = new CopyOnWriteArrayList<>();

		final List<String> events = new CopyOnWriteArrayList<>();

		@Override
		public @Nullable StepOutcome finished(int version, String step) {
			return this.finished.get(version + "/" + step);
		}

		@Override
		public boolean started(int version, String step) {
			this.started.add(version + "/" + step);
			return true;
		}

		@Override
		public void succeeded(int version, String step, StepOutcome outcome) {
			this.finished.put(version + "/" + step, outcome);
		}

		@Override
		public void failed(int version, String step, String detail) {
			this.events.add("step-failed");
		}

		@Override
		public void event(JobEvent event) {
			this.events.add(event.type());
		}

		List<String> types() {
			return this.events;
		}

	}

}
