package dev.archon.agentgen.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.archon.agentgen.compose.AgentTool;
import dev.archon.agentgen.llm.LlmCall;
import dev.archon.agentgen.llm.LlmCall.TemplateInput;
import dev.archon.agentgen.llm.ModelRole;
import dev.archon.agentgen.llm.TestPools;
import dev.archon.agentgen.resources.AgentResources;
import dev.archon.agentgen.resources.LibraryEntry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent-resources library at the repository's root.
 */
class AgentResourcesTests {

	private final AgentResources resources = AgentResources.load(List.of(Path.of("../agent-resources")));

	@Test
	void holdsExamplesToolsAndMcpServersEachDescribed() {
		assertThat(kind("example")).hasSizeGreaterThanOrEqualTo(4);
		assertThat(kind("tool")).hasSizeGreaterThanOrEqualTo(8);
		assertThat(kind("mcp")).hasSizeGreaterThanOrEqualTo(10);
		assertThat(this.resources.entries()).allSatisfy((entry) -> {
			assertThat(entry.description()).as(entry.name()).isNotBlank();
			assertThat(entry.tags()).as(entry.name()).isNotEmpty();
		});
		assertThat(kind("tool")).allSatisfy((tool) -> assertThat(tool.code()).as(tool.name())
			.containsPattern("async def " + tool.name() + "\\(\\s*ctx: RunContext\\[Deps\\]"));
	}

	@Test
	void everyToolMakesAValidAgent() {
		List<AgentTool> tools = kind("tool").stream()
			.map((entry) -> new AgentTool(entry.name(), entry.description(), entry.code(), entry.requirements(),
					entry.environment(), "the test asks for every tool"))
			.toList();
		TemplateInput input = new TemplateInput("An agent with every tool of the library.", null, tools, List.of(),
				null, Map.of());
		String answer = TestPools.builtinOnly()
			.chat(new LlmCall("coder", ModelRole.PRIMARY, "You are the coder of Archon.", "all tools", input, null,
					null), (f) -> {
					})
			.text();
		ValidationReport report = new Validator("python3", Duration.ofSeconds(20)).validate(CoderAnswer.files(answer));
		assertThat(report.checks())
			.allSatisfy((check) -> assertThat(check.status()).as(check.toString()).isEqualTo("passed"));
	}

	@Test
	void choosesTheHomeAssistantToolsForTheHome() {
		for (String description : List.of("Dim the lights when the TV starts", "Tell me which rooms are too warm",
				"Warn me when solar energy production drops", "Who is at home right now?")) {
			assertThat(this.resources.select(description).tools()).extracting(LibraryEntry::name)
				.as(description)
				.contains("ha_get_states", "ha_call_service");
		}
		assertThat(this.resources.select("Summarise the news about Pydantic AI").tools()).extracting(LibraryEntry::name)
			.doesNotContain("ha_get_states");
	}

	private List<LibraryEntry> kind(String kind) {
		return this.resources.entries().stream().filter((entry) -> entry.kind().equals(kind)).toList();
	}

}
