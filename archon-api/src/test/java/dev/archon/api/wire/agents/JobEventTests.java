package dev.archon.api.wire.agents;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class JobEventTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void readsBackEveryEventAsTheRecordItWrote() {
		List<JobEvent> events = List.of(new JobQueued(2, "Add a tool"), new JobStarted(1, 1, "a1b2c3d4"),
				new StepStarted("scope", 1),
				new StepSucceeded("scope", 1, "sim-openai", "gpt-4o-mini", 120L, 300L, 45L, false, null),
				new StepFailed("coder", 1, "refused"), new StepRestarted("coder", 1, "sim-openai", "the stream broke"),
				new FailedOver("coder", "sim-openai", "sim-anthropic", "transient"),
				new RetrievalFailed("archon-vector is unavailable"),
				new JobSucceeded(1, true, true, false, true,
						new AgentPlan(new AgentPlan.Trigger("schedule", "0 8 * * *", null), List.of("github"),
								List.of("filter", "digest"), List.of("slack"), List.of("bug"), "archon/archon"),
						List.of(new GroundingPage("https://ai.pydantic.dev/tools/", "Function Tools", 0.81)),
						List.of(new ChosenTool("github_list_issues", "the plan reads GitHub issues"))),
				new JobFailed(1, "coder: refused"), new JobCancelled(1));
		for (JobEvent event : events) {
			assertThat(this.json.readValue(this.json.writeValueAsString(event), JobEvent.class)).isEqualTo(event);
		}
	}

	@Test
	void readsAFinishedVersionStoredBeforeItToldWhatItWasMadeFrom() {
		JobEvent stored = this.json.readValue(
				"{\"type\":\"job-succeeded\",\"version\":2,\"degraded\":true,\"validationPassed\":true,\"cached\":false}",
				JobEvent.class);
		assertThat(stored).isEqualTo(new JobSucceeded(2, true, true, false, null, null, List.of(), List.of()));
	}

	@Test
	void namesItsTypeInItsJson() {
		JsonNode started = this.json.valueToTree(new StepStarted("scope", 1));
		assertThat(started.path("type").asString()).isEqualTo("step-started");
		assertThat(new StepStarted("scope", 1).type()).isEqualTo("step-started");
	}

	@Test
	void sendsEveryFinishedVersionAsDoneWithItsStatus() {
		JsonNode failed = this.json.valueToTree(new JobFailed(3, "coder: refused"));
		assertThat(failed.path("type").asString()).isEqualTo("job-failed");
		assertThat(failed.path("status").asString()).isEqualTo("failed");
		assertThat(new JobFailed(3, "coder: refused").streamName()).isEqualTo("done");
		assertThat(new JobCancelled(3).streamName()).isEqualTo("done");
		assertThat(new StepStarted("scope", 1).streamName()).isEqualTo("step-started");
	}

	@Test
	void leavesOutWhatAStepWithoutAModelDidNotHave() {
		JsonNode retrieval = this.json
			.valueToTree(new StepSucceeded("retrieval", 1, null, null, null, null, null, false, "ungrounded"));
		assertThat(retrieval.has("provider")).isFalse();
		assertThat(retrieval.path("detail").asString()).isEqualTo("ungrounded");
	}

}
