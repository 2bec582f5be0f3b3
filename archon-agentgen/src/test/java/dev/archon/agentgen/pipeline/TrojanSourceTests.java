package dev.archon.agentgen.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.archon.agentgen.llm.TestPools;
import dev.archon.agentgen.pipeline.PipelineTests.RecordingRun;
import dev.archon.agentgen.pipeline.ValidationReport.Check;
import dev.archon.agentgen.resources.AgentResources;
import org.junit.jupiter.api.Test;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A description carrying the characters of "Trojan Source" (CVE-2021-42574) reaches the
 * generated files only as escapes, and the validation report says where.
 */
class TrojanSourceTests {

	/** Right-to-left override, the isolates, and a line separator. */
	private static final String DESCRIPTION = "Greet visitors \u202Ein Hebrew\u202C, quote \u2066names\u2069 as "
			+ "\u2067written\u2069\u2028and keep \u2068their order\u2069.";

	private static final List<String> RAW = List.of("\u202E", "\u202C", "\u2066", "\u2067", "\u2068", "\u2069",
			"\u2028");

	private final AgentResources resources = AgentResources.load(List.of(Path.of("../agent-resources")));

	private final Validator validator = new Validator("python3", Duration.ofSeconds(20));

	@Test
	void putsTheDescriptionsControlCharactersInTheFilesOnlyAsEscapes() {
		GenerationResult result = pipeline().run(request(DESCRIPTION), new RecordingRun());
		assertThat(result.files()).containsOnlyKeys(CoderAnswer.FILES);
		result.files()
			.forEach((path, content) -> assertThat(content).as(path).doesNotContain(RAW.toArray(String[]::new)));
		String prompts = result.files().get("agent_prompts.py");
		assertThat(prompts).contains("\\u202e", "\\u202c", "\\u2066", "\\u2067", "\\u2068", "\\u2069", "\\u2028");
		// The agent's model still reads what the user wrote.
		assertThat((String) PythonValues.of(prompts).get("INSTRUCTIONS")).contains(DESCRIPTION);
	}

	@Test
	void reportsTheEscapesWithFileAndLineAsAWarningThatPasses() {
		GenerationResult result = pipeline().run(request(DESCRIPTION), new RecordingRun());
		ValidationReport report = result.validation();
		assertThat(report.passed()).isTrue();
		assertThat(check(report, "python-syntax").status()).isEqualTo("passed");
		Check check = check(report, "invisible-characters");
		assertThat(check.status()).isEqualTo("warning");
		assertThat(check.detail())
			.contains("description line 1: U+202E, U+202C, U+2066, U+2069, U+2067, U+2028, "
					+ "U+2068 in the text you gave")
			.contains("agent_prompts.py line " + lineOf(result.files().get("agent_prompts.py"), "\\u202e")
					+ ": U+202E, U+202C, U+2066, U+2069, U+2067, U+2028, U+2068 in a string literal");
	}

	@Test
	void handsOutTheSameEscapedFilesWhenResumedAfterValidation() {
		RecordingRun run = new RecordingRun();
		GenerationResult first = pipeline().run(request(DESCRIPTION), run);
		// Every step stored, the coder's with the model's own text: nothing runs again.
		GenerationResult resumed = pipeline().run(request(DESCRIPTION), run);
		assertThat(resumed.files()).isEqualTo(first.files());
		assertThat(resumed.validation()).isEqualTo(first.validation());
	}

	@Test
	void failsValidationWhenAnEscapeChangesARawString() {
		Map<String, String> written = Map.of("agent.py", "import re\n\nWORD = re.compile(r\"\\w+\u202E\")\n",
				"agent_tools.py", "", "agent_prompts.py", "", ".env.example", "", "requirements.txt", "pydantic-ai\n");
		InvisibleCharacters.Escaped escaped = InvisibleCharacters.escape(written);
		ValidationReport report = this.validator.validate(escaped.files(), escaped.findings());
		assertThat(report.passed()).isFalse();
		assertThat(check(report, "python-syntax").status()).isEqualTo("passed");
		assertThat(check(report, "invisible-characters")).satisfies((check) -> {
			assertThat(check.status()).isEqualTo("failed");
			assertThat(check.detail()).startsWith("agent.py line 3: U+202E in a raw string literal");
		});
	}

	@Test
	void failsValidationOfFilesThatStillHoldTheCharacters() {
		ValidationReport report = this.validator
			.validate(Map.of("agent.py", "\"\"\"Agent.\"\"\"\n\nPROMPT = \"\u2067abc\u2069\"\n"));
		assertThat(check(report, "invisible-characters"))
			.isEqualTo(new Check("invisible-characters", "failed", "agent.py line 3: U+2067, U+2069 not escaped"));
	}

	@Test
	void passesFilesWithoutInvisibleCharacters() {
		ValidationReport report = this.validator.validate(Map.of("agent.py", "PROMPT = \"caf\u00e9 \u4e2d\"\n"));
		assertThat(check(report, "invisible-characters").status()).isEqualTo("passed");
	}

	private Pipeline pipeline() {
		return new Pipeline(TestPools.builtinOnly(), new Prompts(), this.resources,
				new Retrieval(RestClient.create("http://localhost:9")), this.validator, 2);
	}

	private static GenerationRequest request(String description) {
		return new GenerationRequest(description, "pydantic-ai", 0, List.of(), null, 1, null, Map.of());
	}

	private static Check check(ValidationReport report, String name) {
		return report.checks().stream().filter((check) -> check.name().equals(name)).findFirst().orElseThrow();
	}

	private static int lineOf(String content, String text) {
		List<String> lines = content.lines().toList();
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains(text)) {
				return i + 1;
			}
		}
		throw new AssertionError(text + " is on no line");
	}

}
