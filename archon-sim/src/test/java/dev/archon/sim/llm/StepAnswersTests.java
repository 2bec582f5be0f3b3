package dev.archon.sim.llm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class StepAnswersTests {

	private static final String WEATHER = "An agent that tracks the weather forecast for my garden and warns me of frost";

	private static final String LIGHTS = "Build an agent that turns the living room lights off when nobody is home";

	private final StepAnswers answers = new StepAnswers();

	@Test
	void coderAnswersFiveFilesInTheDocumentedFormat() {
		Map<String, String> files = CoderAnswerParser.files(coder(WEATHER).text());

		assertThat(files.keySet()).containsExactly("agent.py", "agent_tools.py", "agent_prompts.py", ".env.example",
				"requirements.txt");
		assertThat(files.get("agent.py")).contains("Agent(", "@weather_forecast_agent.tool", "RunContext[",
				"@dataclass", "class WeatherForecastDeps:");
		assertThat(files.get("requirements.txt")).contains("pydantic-ai", "httpx", "python-dotenv");
		assertThat(files.get(".env.example")).contains("OPENAI_API_KEY=\n", "BRAVE_API_KEY=\n");
	}

	@Test
	void homeDescriptionsGetHomeAssistantTools() {
		Map<String, String> files = CoderAnswerParser.files(coder(LIGHTS).text());

		assertThat(files.get("agent_tools.py")).contains("/api/v1/ha/states", "/api/v1/ha/services/");
		assertThat(files.get("agent.py")).contains("async def call_service(");
		assertThat(files.get(".env.example")).contains("ARCHON_API_KEY=");
	}

	@Test
	void generatedPythonParsesAndRequirementsCoverItsImports(@TempDir Path dir) throws Exception {
		assumeTrue(Python.available(), "python3 is not installed");
		for (String description : List.of(WEATHER, LIGHTS, "", "\"\"\" ''' \\ ${Title} `rm -rf` émoji ✨ \\n")) {
			Map<String, String> files = CoderAnswerParser.files(coder(description).text());
			List<Path> python = new java.util.ArrayList<>();
			for (String name : List.of("agent.py", "agent_tools.py", "agent_prompts.py")) {
				Path file = Files.writeString(dir.resolve(name), files.get(name));
				python.add(file);
				Python.Result parsed = Python.parse(file);
				assertThat(parsed.exit()).as("%s for %s: %s", name, description, parsed.output()).isZero();
			}
			Python.Result imports = Python.thirdPartyImports(python);
			assertThat(imports.exit()).as(imports.output()).isZero();
			Set<String> required = new TreeSet<>();
			for (String module : imports.output().split(" ")) {
				required.add(switch (module) {
					case "pydantic_ai" -> "pydantic-ai";
					case "dotenv" -> "python-dotenv";
					default -> module;
				});
			}
			Set<String> listed = new TreeSet<>();
			Arrays.stream(files.get("requirements.txt").split("\n"))
				.filter((line) -> !line.isBlank())
				.forEach((line) -> listed.add(line.split("[<>=~ ]")[0]));
			assertThat(listed).containsAll(required);
		}
	}

	@Test
	void sameDescriptionGivesTheSameAnswerAndAnotherGivesOtherNames() {
		assertThat(coder(WEATHER).text()).isEqualTo(coder(WEATHER).text());
		assertThat(coder(LIGHTS).text()).contains("living_room_agent").doesNotContain("weather_forecast_agent");
	}

	@Test
	void descriptionIsTheWholeUserMessageOfTheScopeStep() {
		Conversation conversation = openAi("You are the reasoner of Archon.",
				"Please make an agent that answers tax questions");

		assertThat(this.answers.complete(conversation, 0).text()).contains("# Scope: Tax Questions agent");
	}

	@Test
	void eachStepHasItsOwnAnswer() {
		assertThat(step("scope").text()).startsWith("# Scope: Weather Forecast agent");
		assertThat(step("advisor").text()).contains("## Examples", "## Tools", "## MCP servers");
		assertThat(step("refine-prompt").text()).contains("system prompt").contains("\n- ");
		assertThat(step("refine-tools").text()).contains("tools").contains("\n- ");
		assertThat(step("refine-agent").text()).contains("agent definition").contains("\n- ");
		assertThat(step("something-else").step()).isEqualTo(PipelineStep.GENERIC);
		assertThat(this.answers.complete(openAi("You are helpful.", "hello"), 0).step())
			.isEqualTo(PipelineStep.GENERIC);
	}

	@Test
	void chunkSummaryIsJsonDerivedFromTheChunk() {
		String chunk = "## Tools\n\nTools let the model call **Python** functions. They are registered with a decorator.";
		Completion completion = this.answers.complete(
				openAi("Title and summarize.\nYou title and summarize one chunk of technical documentation.", chunk),
				0);

		assertThat(completion.step()).isEqualTo(PipelineStep.CHUNK_SUMMARY);
		Map<String, Object> answer = JsonMapper.shared().readValue(completion.text(), Map.class);
		assertThat(answer).containsEntry("title", "Sim: Tools Tools let the model call")
			.containsEntry("summary", "Sim summary of 14 words. Tools Tools let the model call Python functions.");
		assertThat(
				this.answers.complete(openAi("You title and summarize one chunk of technical documentation.", chunk), 0)
					.text())
			.isEqualTo(completion.text());
	}

	@Test
	void stepMarkerIsReadFromTheFirstMessageWithoutASystemMessage() {
		ObjectNode request = JsonMapper.shared().createObjectNode();
		ArrayNode messages = request.putArray("messages");
		messages.addObject()
			.put("role", "user")
			.put("content", "You are the advisor of Archon.\nThe agent to build:\n" + WEATHER);

		assertThat(this.answers.complete(Conversation.fromAnthropic(request), 0).step())
			.isEqualTo(PipelineStep.ADVISOR);
	}

	@Test
	void answerIsCutToTheTokenLimit() {
		Completion completion = this.answers.complete(conversation("coder", WEATHER), 50);

		assertThat(completion.truncated()).isTrue();
		assertThat(completion.completionTokens()).isEqualTo(50);
		assertThat(completion.text()).hasSize(200);
	}

	@Test
	void usageIsEstimatedAtFourCharactersPerToken() {
		Completion completion = coder(WEATHER);

		assertThat(completion.completionTokens()).isEqualTo((completion.text().length() + 3) / 4);
		assertThat(completion.promptTokens()).isPositive();
	}

	private Completion coder(String description) {
		return this.answers.complete(conversation("coder", description), 0);
	}

	private Completion step(String step) {
		return this.answers.complete(conversation(step, WEATHER), 0);
	}

	private static Conversation conversation(String step, String description) {
		return openAi(systemPromptOf(step),
				"The agent to build:\n" + description + "\n\n# Scope\nWhat the agent does.");
	}

	/** How the pipeline's prompts open, naming the role each step gives the model. */
	private static String systemPromptOf(String step) {
		return switch (step) {
			case "scope" -> "You are the reasoner of Archon, an expert at designing AI agents.";
			case "advisor" -> "You are the advisor of Archon.";
			case "coder" -> "You are the coder of Archon.";
			case "refine-prompt" -> "You are the prompt refiner of Archon.";
			case "refine-tools" -> "You are the tools refiner of Archon.";
			case "refine-agent" -> "You are the agent refiner of Archon.";
			default -> "You are a helpful assistant.";
		};
	}

	private static Conversation openAi(String system, String user) {
		ObjectNode request = JsonMapper.shared().createObjectNode();
		ArrayNode messages = request.putArray("messages");
		messages.addObject().put("role", "system").put("content", system);
		messages.addObject().put("role", "user").put("content", user);
		return Conversation.fromOpenAi(request);
	}

}
