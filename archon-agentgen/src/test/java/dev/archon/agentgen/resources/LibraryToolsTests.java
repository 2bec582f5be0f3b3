package dev.archon.agentgen.resources;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.archon.sim.SimApplication;
import dev.archon.sim.thirdparty.GitHubIssues;
import dev.archon.sim.thirdparty.ReceivedRequest;
import dev.archon.sim.thirdparty.ReceivedRequests;
import dev.archon.test.InProcessSimulator;
import dev.archon.test.python.AgentToolsModule;
import dev.archon.test.python.PythonTools;
import dev.archon.test.secrets.TestSecrets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every tool of the library, run as a generated agent runs it: its code embedded under
 * the head of {@code agent_tools.py} ({@link AgentToolsModule}), called by python3 with a
 * run context ({@link PythonTools}), with the environment an agent's {@code .env} gives
 * it, against the endpoints it calls: archon-sim's fakes of the third-party APIs (in this
 * JVM), and {@link SimulatedArchon} for Archon's own bridge and vector search. A tool
 * passes when it returns without raising, every request it sent was accepted, its answer
 * carries the data the endpoint gave, and no secret it was given appears in what it
 * printed. A tool without a {@link ToolCall} here fails, so the library cannot grow an
 * untested tool.
 */
class LibraryToolsTests {

	private static final Path LIBRARY = Path.of("../agent-resources");

	private static final String SIM_TOKEN = TestSecrets.SIMULATOR_TOKEN;

	private static final String GITHUB_TOKEN = TestSecrets.GITHUB_TOKEN;

	private static final String SLACK_TOKEN = TestSecrets.SLACK_BOT_TOKEN;

	private static final String BRAVE_KEY = TestSecrets.BRAVE_API_KEY;

	/** {@code os.getenv("NAME"}, with either quote. */
	private static final Pattern GETENV = Pattern.compile("os\\.getenv\\(\\s*[\"']([A-Za-z0-9_]+)[\"']\\s*(,)?");

	@TempDir
	static Path python;

	private static ConfigurableApplicationContext simulator;

	private static String sim = "";

	private static ReceivedRequests received;

	private static SimulatedArchon archon;

	private static List<LibraryEntry> library = List.of();

	private static PythonTools tools;

	@BeforeAll
	static void startTheEndpointsAndWriteTheTools() throws Exception {
		simulator = new SpringApplicationBuilder(SimApplication.class).run(InProcessSimulator.arguments(SIM_TOKEN));
		sim = "http://127.0.0.1:" + simulator.getEnvironment().getProperty("local.server.port");
		received = simulator.getBean(ReceivedRequests.class);
		archon = new SimulatedArchon()
			.entity("light.kitchen", "on", "Kitchen light", new SimulatedArchon.Area("kitchen", "Kitchen"), Map.of())
			.entity("climate.living_room", "heat", "Living room",
					new SimulatedArchon.Area("living_room", "Living Room"),
					Map.of("current_temperature", 19.5, "temperature", 20))
			.page("pydantic_ai_docs", "https://ai.pydantic.dev/tools/", "Function tools",
					"Register a tool with the @agent.tool decorator, or pass it in tools=[...].")
			.page("home_assistant_docs", "https://developers.home-assistant.io/docs/api/rest/", "REST API",
					"POST /api/services/<domain>/<service> calls a service.");
		library = AgentResources.load(List.of(LIBRARY))
			.entries()
			.stream()
			.filter((entry) -> entry.kind().equals("tool"))
			.toList();
		assertThat(library).as("the library's tools").isNotEmpty();
		tools = PythonTools.of(python, AgentToolsModule.of(library.stream().map(LibraryEntry::code).toList()));
	}

	@AfterAll
	static void stopTheEndpoints() {
		if (archon != null) {
			archon.close();
		}
		if (simulator != null) {
			simulator.close();
		}
	}

	/**
	 * How each tool is called, what it must reach and what its answer must say.
	 */
	private static Map<String, ToolCall> calls() {
		return Map.of("current_time",
				new ToolCall(Map.of("timezone_name", "Asia/Tokyo"), List.of(), List.of("+09:00"), List.of()),
				"fetch_url",
				new ToolCall(Map.of("url", sim + "/thirdparty/pages/moved/garden-watering"), List.of("pages"),
						List.of("Watering a vegetable garden in summer", "Morning watering loses the least"),
						List.of("<", "analytics")),
				"get_weather",
				new ToolCall(Map.of("place", "Lyon"), List.of("open-meteo-geocoding", "open-meteo"),
						List.of("Lyon (France) now: 8.8 °C", "wind 9.6 km/h", "Today: "), List.of("None")),
				"github_list_issues",
				new ToolCall(
						Map.of("owner", GitHubIssues.OWNER, "repo", GitHubIssues.REPOSITORY, "labels", "bug", "since",
								"2026-01-01T00:00:00Z"),
						List.of("github"),
						List.of("#12 Pump stops after ten minutes [bug] updated 2026-01-06T08:02:00Z",
								"#10 Crash when the soil sensor is offline [bug, needs-triage]",
								"https://github.com/octo-org/octo-repo/issues/12"),
						List.of("#11", "#9")),
				"slack_post_message",
				new ToolCall(Map.of("text", "Two new bugs in octo-org/octo-repo"), List.of("slack"),
						List.of("Posted to #digest"), List.of()),
				"web_search",
				new ToolCall(Map.of("query", "watering the garden", "count", 2), List.of("brave"),
						List.of("Watering a vegetable garden in summer", sim + "/thirdparty/pages/garden-watering"),
						List.of("<strong>")),
				"ha_get_states",
				new ToolCall(Map.of("domain", "climate"), List.of(ToolCall.ARCHON),
						List.of("climate.living_room: heat (Living room), current_temperature 19.5, temperature 20"),
						List.of("light.")),
				"ha_call_service",
				new ToolCall(Map.of("domain", "light", "service", "turn_off", "entity_id", "light.kitchen"),
						List.of(ToolCall.ARCHON), List.of("light.kitchen is now off"), List.of()),
				"search_docs",
				new ToolCall(Map.of("query", "How do I register a tool?", "source", "pydantic_ai_docs"),
						List.of(ToolCall.ARCHON),
						List.of("Function tools (https://ai.pydantic.dev/tools/", "@agent.tool"),
						List.of("home-assistant")));
	}

	/**
	 * What an agent's {@code .env} holds when the user filled in what the tool needs,
	 * pointed at the fakes; every other variable the tool declares is empty, as it is
	 * when {@code .env.example} is copied.
	 */
	private static Map<String, String> filledIn() {
		return Map.ofEntries(Map.entry("GITHUB_TOKEN", GITHUB_TOKEN),
				Map.entry("GITHUB_API_URL", sim + "/thirdparty/github"), Map.entry("SLACK_BOT_TOKEN", SLACK_TOKEN),
				Map.entry("SLACK_CHANNEL", "#digest"), Map.entry("SLACK_API_URL", sim + "/thirdparty/slack/api"),
				Map.entry("BRAVE_API_KEY", BRAVE_KEY), Map.entry("BRAVE_SEARCH_URL", sim + "/thirdparty/brave"),
				Map.entry("OPEN_METEO_URL", sim + "/thirdparty/open-meteo"),
				Map.entry("OPEN_METEO_GEOCODING_URL", sim + "/thirdparty/open-meteo-geocoding"),
				Map.entry("HA_BRIDGE_URL", archon.url()), Map.entry("HA_BRIDGE_API_KEY", SimulatedArchon.API_KEY),
				Map.entry("ARCHON_URL", archon.url()), Map.entry("ARCHON_API_KEY", SimulatedArchon.API_KEY));
	}

	@TestFactory
	Stream<DynamicTest> everyToolRunsAgainstTheEndpointsItCalls() {
		Map<String, List<String>> parameters = tools.tools();
		Map<String, ToolCall> calls = calls();
		return library.stream().map((tool) -> DynamicTest.dynamicTest(tool.name(), () -> {
			ToolCall call = calls.get(tool.name());
			assertThat(call).as("how to call %s against an endpoint: add it to LibraryToolsTests#calls", tool.name())
				.isNotNull();
			assertThat(parameters.get(tool.name())).as("the parameters of %s", tool.name())
				.containsAll(call.arguments().keySet());
			received.clear();
			int before = archon.exchanges().size();

			PythonTools.Run run = tools.run(tool.name(), call.arguments(), environment(tool, filledIn()));

			assertThat(run.returned()).as("%s raised:%n%s", tool.name(), run.errors()).isTrue();
			assertThat(run.output()).contains(call.answerContains());
			call.answerLacks().forEach((lacking) -> assertThat(run.output()).doesNotContain(lacking));
			assertThat(run.output() + run.errors()).as("what %s printed", tool.name())
				.doesNotContain(GITHUB_TOKEN, SLACK_TOKEN, BRAVE_KEY, SimulatedArchon.API_KEY);
			for (String api : call.reaches()) {
				if (api.equals(ToolCall.ARCHON)) {
					assertThat(archon.exchanges().subList(before, archon.exchanges().size()))
						.as("what %s sent to Archon", tool.name())
						.isNotEmpty()
						.allSatisfy((exchange) -> assertThat(exchange.status()).as(exchange.body()).isEqualTo(200));
				}
				else {
					assertThat(received.of(api)).as("what %s sent to the %s fake", tool.name(), api)
						.isNotEmpty()
						.allSatisfy(LibraryToolsTests::accepted);
				}
			}
			if (call.reaches().isEmpty()) {
				assertThat(received.all()).isEmpty();
				assertThat(archon.exchanges()).hasSize(before);
			}
		}));
	}

	@Test
	void githubSendsTheTokenWhenOneIsSetAndNoAuthorizationWithout() {
		Map<String, ?> arguments = Map.of("owner", GitHubIssues.OWNER, "repo", GitHubIssues.REPOSITORY);
		LibraryEntry github = tool("github_list_issues");
		received.clear();
		tools.run(github.name(), arguments, environment(github, filledIn()));
		assertThat(received.of("github")).singleElement()
			.satisfies((request) -> assertThat(request.header("Authorization")).isEqualTo("Bearer " + GITHUB_TOKEN));

		Map<String, String> anonymous = new HashMap<>(filledIn());
		anonymous.remove("GITHUB_TOKEN");
		received.clear();
		PythonTools.Run run = tools.run(github.name(), arguments, environment(github, anonymous));
		assertThat(run.output()).contains("#12 Pump stops after ten minutes");
		assertThat(received.of("github")).singleElement()
			.satisfies((request) -> assertThat(request.headers()).doesNotContainKey("authorization"));
	}

	@Test
	void slackPostsTheTextToTheChannelAndReportsARefusal() {
		LibraryEntry slack = tool("slack_post_message");
		received.clear();
		tools.run(slack.name(), Map.of("text", "Digest: *2* new issues"), environment(slack, filledIn()));
		ReceivedRequest posted = received.of("slack").getFirst();
		JsonNode body = JsonMapper.shared().readTree(posted.body());
		assertThat(body.path("channel").asString()).isEqualTo("#digest");
		assertThat(body.path("text").asString()).isEqualTo("Digest: *2* new issues");
		assertThat(posted.header("Content-Type")).isEqualTo("application/json; charset=utf-8");

		PythonTools.Run refused = tools.run(slack.name(), Map.of("text", "x", "channel", "#random"),
				environment(slack, filledIn()));
		assertThat(refused.output()).contains("channel_not_found").doesNotContain("Posted");
	}

	@Test
	void everyVariableAToolReadsIsDeclaredAndAnEmptyOneKeepsTheDefault() {
		for (LibraryEntry tool : library) {
			Matcher reads = GETENV.matcher(tool.code());
			while (reads.find()) {
				assertThat(tool.environment()).as("the variables %s declares, for .env.example", tool.name())
					.containsKey(reads.group(1));
				// .env.example lists every variable empty, and python-dotenv sets an
				// empty
				// one: os.getenv("X", default) would then answer "", never the default.
				assertThat(reads.group(2))
					.as("%s reads %s with a default that an empty variable hides: use"
							+ " os.getenv(\"%s\") or default", tool.name(), reads.group(1), reads.group(1))
					.isNull();
			}
		}
	}

	private static LibraryEntry tool(String name) {
		return library.stream().filter((tool) -> tool.name().equals(name)).findFirst().orElseThrow();
	}

	private static Map<String, String> environment(LibraryEntry tool, Map<String, String> filledIn) {
		Map<String, String> environment = new HashMap<>();
		tool.environment().keySet().forEach((name) -> environment.put(name, filledIn.getOrDefault(name, "")));
		return environment;
	}

	/**
	 * Whether a fake accepted a request: a status below 400 and, for Slack, which refuses
	 * with 200, {@code "ok": true}.
	 */
	private static void accepted(ReceivedRequest request) {
		assertThat(request.status()).as("%s %s answered %s", request.method(), request.path(), request.response())
			.isLessThan(400);
		assertThat(request.response()).as("%s %s", request.method(), request.path()).doesNotContain("\"ok\":false");
	}

	/**
	 * A call of a tool.
	 *
	 * @param arguments its arguments but the context
	 * @param reaches the fakes it must reach ({@code github}, {@code slack}…, or
	 * {@link #ARCHON}), none for a tool that calls nothing
	 * @param answerContains what its answer must say, taken from the endpoints' answers
	 * @param answerLacks what its answer must not say
	 */
	private record ToolCall(Map<String, ?> arguments, List<String> reaches, List<String> answerContains,
			List<String> answerLacks) {

		static final String ARCHON = "archon";

	}

}
