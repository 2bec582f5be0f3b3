package dev.archon.agentgen.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.archon.agentgen.llm.TestPools;
import dev.archon.agentgen.resources.AgentResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withServerError;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

/**
 * The pipeline with the built-in composer alone: every agent it writes, and every version
 * that feedback makes, passes validation; feedback changes the files; the agent is
 * grounded only when a retrieved page is used, and then cites it.
 */
class BuiltinAgentTests {

	private final AgentResources resources = AgentResources.load(List.of(Path.of("../agent-resources")));

	private final Validator validator = new Validator("python3", Duration.ofSeconds(20));

	@ParameterizedTest
	@ValueSource(strings = {
			"An agent that watches my GitHub repository's new issues and posts a daily digest to a Slack channel",
			"When motion is detected in the hallway, turn on the hallway light",
			"A chat assistant that answers questions about the Pydantic AI documentation",
			"Research the state of solid-state batteries on the web once and write a report to a file",
			"Every weekday at 8:00, post a weather briefing for Lyon to Discord",
			"An agent \"\"\" that\\n prints ''' quotes \\\" and tabs\t safely." })
	void writesAgentsThatPassValidation(String description) {
		GenerationResult result = generate(description, deadVector());
		assertThat(result.files()).containsOnlyKeys(CoderAnswer.FILES);
		assertThat(result.validation().checks())
			.allSatisfy((check) -> assertThat(check.status()).as(check.toString()).isEqualTo("passed"));
		assertThat(result.plan()).as("the plan the files carry").contains("\"mode\"");
	}

	@Test
	void usesTheHomeAssistantToolsWhenTheDescriptionIsAboutTheHome() {
		Map<String, String> files = generate(
				"Turn off the lights in rooms nobody is in and keep the living room at 20 degrees in the evening.",
				deadVector())
			.files();
		assertThat(files.get("agent_tools.py")).contains("async def ha_get_states")
			.contains("async def ha_call_service")
			.contains("/api/v1/ha/services/");
		assertThat(files.get(".env.example")).contains("HA_BRIDGE_URL=http://localhost:8080")
			.contains("# HA_BRIDGE_API_KEY=");
	}

	@Test
	void feedbackChangesTheFilesVersionAfterVersion() {
		String description = "An agent that watches my GitHub repository's new issues and posts a daily digest to Slack";
		GenerationResult first = generate(description, deadVector());
		GenerationResult second = next(description, 2, "Also post to Discord", first.files());
		GenerationResult third = next(description, 3, "Run hourly instead", second.files());
		GenerationResult fourth = next(description, 4, "Only issues labelled bug", third.files());

		assertThat(first.files().get("agent.py")).doesNotContain("send_to_discord");
		assertThat(second.files().get("agent.py")).contains("await send_to_discord(http, text)")
			.contains("await send_to_slack(http, text)");
		assertThat(second.files().get(".env.example")).contains("# DISCORD_WEBHOOK_URL=");
		assertThat(third.files().get("agent.py")).contains("SCHEDULE = os.getenv(\"SCHEDULE\", \"0 * * * *\")")
			.contains("send_to_discord");
		assertThat(fourth.files().get("agent.py")).contains("ONLY_LABELS = {\"bug\"}")
			.contains("if item.id not in seen and wanted(item)")
			.contains("0 * * * *");
		assertThat(List.of(second, third, fourth)).allSatisfy(
				(version) -> assertThat(version.validation().passed()).as(version.validation().toString()).isTrue());
	}

	@Test
	void isGroundedWhenTheCodeQuotesARetrievedPage() {
		GenerationResult result = generate("A chat assistant that tells me the time in Tokyo", vectorFinding(
				"agent_a = Agent(\\n    'google:gemini-3-flash-preview',\\n    tools=[roll_dice, get_player_name],\\n)"));

		assertThat(result.grounded()).isTrue();
		assertThat(result.pages()).singleElement().satisfies((page) -> {
			assertThat(page.url()).isEqualTo("https://ai.pydantic.dev/tools/");
			assertThat(page.score()).isEqualTo(0.81);
		});
		assertThat(result.files().get("agent.py"))
			.contains("# Registering tools through the Agent's argument, as https://ai.pydantic.dev/tools/ shows:")
			.contains("#     tools=[roll_dice, get_player_name],")
			.contains("- Function Tools https://ai.pydantic.dev/tools/ (0.81)");
	}

	@Test
	void isNotGroundedWhenNoRetrievedPageIsUsed() {
		GenerationResult taughtNothing = generate("A chat assistant that tells me the time in Tokyo",
				vectorFinding("Tools let a model call your functions."));
		assertThat(taughtNothing.pages()).hasSize(1);
		assertThat(taughtNothing.grounded()).isFalse();
		assertThat(taughtNothing.files().get("agent.py")).doesNotContain("https://ai.pydantic.dev/tools/");
		assertThat(generate("A chat assistant that tells me the time in Tokyo", deadVector()).grounded()).isFalse();
	}

	/** archon-vector finding one chunk of one page; it cannot embed. */
	private static Retrieval vectorFinding(String chunk) {
		RestClient.Builder builder = RestClient.builder().baseUrl("http://vector");
		MockRestServiceServer vector = MockRestServiceServer.bindTo(builder).ignoreExpectOrder(true).build();
		vector.expect(requestTo("http://vector/api/v1/vector/embed")).andRespond(withServerError());
		vector.expect(requestTo("http://vector/api/v1/vector/search")).andRespond(withSuccess("""
				{"results": [{"url": "https://ai.pydantic.dev/tools/", "chunkNumber": 3, "title": "Function Tools",
				  "summary": "", "source": "pydantic_ai_docs", "metadata": {}, "score": 0.81, "content": "%s"}],
				 "tookMs": 3, "cache": "miss"}
				""".formatted(chunk), MediaType.APPLICATION_JSON));
		vector.expect(method(HttpMethod.GET))
			.andExpect(requestTo(startsWith("http://vector/api/v1/vector/pages/content")))
			.andRespond(withSuccess(
					"""
							{"url": "https://ai.pydantic.dev/tools/", "title": "Function Tools", "content": "Tools", "truncated": false}
							""",
					MediaType.APPLICATION_JSON));
		return new Retrieval(builder.build());
	}

	@Test
	void reportsMissingFilesUndeclaredImportsAndSecrets() {
		ValidationReport report = this.validator.validate(Map.of("agent.py",
				"import requests\nKEY = 'sk-" + "abcdefghijklmnopqrstuvwxyz123456'\n", "requirements.txt", "httpx\n"));
		assertThat(report.passed()).isFalse();
		assertThat(report.checks()).extracting(ValidationReport.Check::status)
			.containsExactly("failed", "passed", "failed", "failed", "passed");
	}

	@Test
	void reportsTheSyntaxCheckAsSkippedWithoutPython() {
		Validator withoutPython = new Validator("no-such-python-3", Duration.ofSeconds(5));
		ValidationReport report = withoutPython
			.validate(generate("An agent that tells me the time in Tokyo.", deadVector()).files());
		assertThat(report.checks()).filteredOn((check) -> check.name().equals("python-syntax"))
			.singleElement()
			.satisfies((check) -> assertThat(check.status()).isEqualTo("skipped"));
	}

	private GenerationResult generate(String description, Retrieval retrieval) {
		return pipeline(retrieval).run(
				new GenerationRequest(description, "pydantic-ai", 1, List.of(), null, 1, null, Map.of()),
				new PipelineTests.RecordingRun());
	}

	private GenerationResult next(String description, int version, String feedback, Map<String, String> previous) {
		return pipeline(deadVector()).run(
				new GenerationRequest(description, "pydantic-ai", 0, List.of(), null, version, feedback, previous),
				new PipelineTests.RecordingRun());
	}

	private Pipeline pipeline(Retrieval retrieval) {
		return new Pipeline(TestPools.builtinOnly(), new Prompts(), this.resources, retrieval, this.validator, 2);
	}

	private static Retrieval deadVector() {
		return new Retrieval(RestClient.create("http://localhost:9"));
	}

}
