package dev.archon.agentgen.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.archon.agentgen.llm.LlmCall;
import dev.archon.agentgen.llm.LlmCall.TemplateInput;
import dev.archon.agentgen.llm.LlmCall.Tool;
import dev.archon.agentgen.llm.ModelRole;
import dev.archon.agentgen.llm.ProviderPool;
import dev.archon.agentgen.llm.TestPools;
import dev.archon.agentgen.resources.AgentResources;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built-in template provider writes five files that parse as Python and that
 * validation passes, with the Home Assistant tools when the description is about the
 * home.
 */
class BuiltinAgentTests {

	private final AgentResources resources = AgentResources.load(List.of(Path.of("../agent-resources")));

	private final ProviderPool pool = TestPools.builtinOnly();

	private final Validator validator = new Validator("python3", Duration.ofSeconds(20));

	@Test
	void writesFiveFilesThatParseAndPassValidation() {
		Map<String, String> files = generate("An agent that tells me the weather in a city and the local time there.");
		assertThat(files).containsOnlyKeys(CoderAnswer.FILES);
		ValidationReport report = this.validator.validate(files);
		assertThat(report.checks())
			.allSatisfy((check) -> assertThat(check.status()).as(check.toString()).isEqualTo("passed"));
		assertThat(files.get("agent_tools.py")).contains("async def get_weather(ctx: RunContext[Deps]");
	}

	@Test
	void usesTheHomeAssistantToolsWhenTheDescriptionIsAboutTheHome() {
		Map<String, String> files = generate(
				"Turn off the lights in rooms nobody is in and keep the living room at 20 degrees in the evening.");
		assertThat(files.get("agent_tools.py")).contains("async def ha_get_states")
			.contains("async def ha_call_service")
			.contains("/api/v1/ha/services/");
		assertThat(files.get(".env.example")).contains("HA_BRIDGE_URL=").contains("HA_BRIDGE_API_KEY=");
		assertThat(this.validator.validate(files).passed()).isTrue();
	}

	@Test
	void escapesDescriptionsThatLookLikeCode() {
		Map<String, String> files = generate("An agent \"\"\" that\\n prints ''' quotes \\\" and tabs\t safely.");
		assertThat(this.validator.validate(files).checks()).filteredOn((check) -> check.name().equals("python-syntax"))
			.singleElement()
			.satisfies((check) -> assertThat(check.status()).isEqualTo("passed"));
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
		ValidationReport report = withoutPython.validate(generate("An agent that tells me the time in Tokyo."));
		assertThat(report.checks()).filteredOn((check) -> check.name().equals("python-syntax"))
			.singleElement()
			.satisfies((check) -> assertThat(check.status()).isEqualTo("skipped"));
	}

	private Map<String, String> generate(String description) {
		AgentResources.Selection selection = this.resources.select(description);
		List<Tool> tools = selection.tools()
			.stream()
			.map((entry) -> new Tool(entry.name(), entry.description(), entry.code(), entry.requirements(),
					entry.environment()))
			.toList();
		TemplateInput input = new TemplateInput(description, null, tools, List.of(), null, Map.of());
		String answer = this.pool
			.chat(new LlmCall("coder", ModelRole.PRIMARY, "You are the coder of Archon.", description, input, null),
					(f) -> {
					})
			.text();
		return CoderAnswer.files(answer);
	}

}
