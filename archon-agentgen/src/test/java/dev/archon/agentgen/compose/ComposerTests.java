package dev.archon.agentgen.compose;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.archon.agentgen.resources.AgentResources;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The code the composer writes carries the plan out: the way it runs, its state, its
 * schedule, its sinks; and the refiners report what the files lack.
 */
class ComposerTests {

	private final ToolChoice toolChoice = new ToolChoice(
			AgentResources.load(List.of(Path.of("../agent-resources"))).entries(), (texts) -> {
				throw new IllegalStateException("archon-vector is not running in this test");
			});

	@Test
	void offersArchonsGatewayAsTheModelsEndpoint() {
		Map<String, String> files = compose("An agent that answers questions about my garden");
		assertThat(files.get(".env.example")).contains("LLM_MODEL=openai:archon-primary")
			.contains("\n# OPENAI_BASE_URL=http://localhost:8080/v1\n");
	}

	@Test
	void writesAScheduledDigestOfNewIssuesToSlack() {
		Map<String, String> files = compose(
				"An agent that watches my GitHub repository's new issues and posts a daily digest to a Slack channel");
		assertThat(files.get("agent.py")).contains("parser.add_argument(\"--once\"")
			.contains("SCHEDULE = os.getenv(\"SCHEDULE\", \"0 8 * * *\")")
			.contains("async def run_on_schedule(")
			.contains("STATE_FILE = Path(os.getenv(\"STATE_FILE\", \".agent_state.json\"))")
			.contains("items = [item for item in report.items if item.id not in seen]")
			.contains("def format_digest(")
			.contains("await send_to_slack(http, text)")
			.contains("output_type=Report")
			.doesNotContain("input(\"> \")");
		assertThat(files.get("agent_tools.py")).contains("async def github_list_issues(");
		assertThat(files.get(".env.example")).contains("SCHEDULE=\"0 8 * * *\"")
			.contains("# GITHUB_REPOSITORY=")
			.contains("# GITHUB_TOKEN=")
			.contains("# SLACK_WEBHOOK_URL=")
			.doesNotContainPattern("(?m)^[A-Z_]+=$");
		assertThat(files.get("requirements.txt")).startsWith("pydantic-ai>=2.0,<3\n");
	}

	@Test
	void writesAnAgentThatFollowsHomeAssistantEventsAndActs() {
		Map<String, String> files = compose("When motion is detected in the hallway, turn on the hallway light");
		assertThat(files.get("agent.py"))
			.contains("WATCH_ENTITY = os.getenv(\"WATCH_ENTITY\", \"binary_sensor.hallway_motion\")")
			.contains("/api/v1/ha/events")
			.contains("async def follow_events(")
			.contains("--once");
		assertThat(files.get("agent_tools.py")).contains("async def ha_call_service(")
			.contains("async def ha_get_states(");
		assertThat(files.get("agent_prompts.py")).contains("act with ha_call_service");
	}

	@Test
	void keepsTheChatLoopForAgentsThatAreAskedThings() {
		Map<String, String> files = compose(
				"A chat assistant that answers questions about the Pydantic AI documentation");
		assertThat(files.get("agent.py")).contains("input(\"> \")")
			.contains("message_history=history")
			.doesNotContain("output_type=")
			.doesNotContain("--once");
		assertThat(files.get("agent_tools.py")).contains("async def search_docs(").doesNotContain("ha_get_states");
	}

	@Test
	void writesAOnceOffResearchToAFile() {
		Map<String, String> files = compose(
				"Research the state of solid-state batteries on the web and write a report to a file");
		assertThat(files.get("agent.py")).contains("await run_once(http)")
			.contains("write_to_file(text)")
			.doesNotContain("run_on_schedule")
			.doesNotContain("input(");
		assertThat(files.get(".env.example")).contains("OUTPUT_FILE=report.md");
		assertThat(files.get("agent_tools.py")).contains("async def web_search(");
	}

	@Test
	void writesAWeekdayWeatherBriefing() {
		Map<String, String> files = compose("Every weekday at 8:00, post a weather briefing for Lyon to Discord");
		assertThat(files.get("agent.py")).contains("\"0 8 * * 1-5\"")
			.contains("SUBJECT = os.getenv(\"WEATHER_PLACE\", \"Lyon\")")
			.contains("await send_to_discord(http, text)");
		assertThat(files.get("agent_tools.py")).contains("async def get_weather(");
	}

	@Test
	void refinersReportWhatTheFilesLackAndNothingWhenTheyCarryThePlanOut() {
		String description = "Post a daily digest of new GitHub issues to Slack";
		Map<String, String> files = compose(description);
		Composer.Request current = request(description, files);
		assertThat(Composer.review("refine-agent", current)).endsWith("nothing to change.");
		Map<String, String> broken = new java.util.LinkedHashMap<>(files);
		broken.put("agent.py", files.get("agent.py").replace("send_to_slack(", "post(").replace("--once", "--now"));
		assertThat(Composer.review("refine-agent", request(description, broken))).contains("no --once entry point")
			.contains("does not deliver to Slack");
	}

	private Map<String, String> compose(String description) {
		return Composer.files(request(description, Map.of()));
	}

	private Composer.Request request(String description, Map<String, String> files) {
		Plan plan = Planner.current(description, null, files);
		List<AgentTool> tools = this.toolChoice.choose(plan, description)
			.stream()
			.map(ToolChoice.Chosen::agentTool)
			.toList();
		return new Composer.Request(description, null, files, tools, List.of());
	}

}
