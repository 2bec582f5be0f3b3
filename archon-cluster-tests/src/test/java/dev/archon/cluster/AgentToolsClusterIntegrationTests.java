package dev.archon.cluster;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import dev.archon.test.python.AgentToolsModule;
import dev.archon.test.python.PythonTools;
import dev.archon.test.secrets.TestSecrets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Agent tools run against the cluster that {@code ./archon up} starts, as a user's agent
 * runs them: the library's Home Assistant and documentation tools through NGINX against
 * the real archon-ha-bridge (over the simulated home) and archon-vector (over the
 * ingested {@code agent_resources}), and every tool of an agent generated through the
 * API, with the environment its own {@code .env.example} declares, against the same
 * cluster and archon-sim's fakes of the third-party APIs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentToolsClusterIntegrationTests {

	private static final String NGINX = "http://localhost:8080";

	private static final String SIM = "http://localhost:8123";

	private static final Path LIBRARY_TOOLS = Path.of("../agent-resources/tools");

	private static final Pattern PYTHON_BLOCK = Pattern.compile("```python\\n(.*?)```", Pattern.DOTALL);

	/** A variable the file declares, set or commented out to keep the code's default. */
	private static final Pattern VARIABLE = Pattern.compile("(?m)^(?:# ?)?([A-Z][A-Z0-9_]*)=");

	private static final String DIGEST = "An agent that watches my GitHub repository's new issues and posts a daily"
			+ " digest to a Slack channel";

	private static final String SLACK_TOKEN = TestSecrets.SLACK_BOT_TOKEN;

	private static final String BRAVE_KEY = TestSecrets.BRAVE_API_KEY;

	private final Launcher launcher = Launcher.ofRepository(Map.of());

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private String apiKey = "";

	@BeforeAll
	void startCluster() throws Exception {
		this.launcher.run(Duration.ofMinutes(8), "up", "--instances", "1");
		this.apiKey = this.launcher.apiKey();
	}

	@AfterAll
	void stopCluster() throws Exception {
		this.launcher.run(Duration.ofMinutes(2), "down");
	}

	@Test
	void archonsOwnToolsReadAndControlTheHomeAndSearchTheDocsThroughNginx(@TempDir Path folder) throws Exception {
		PythonTools tools = PythonTools.of(folder, AgentToolsModule.of(libraryTools()));
		Map<String, String> environment = Map.of("HA_BRIDGE_URL", NGINX, "HA_BRIDGE_API_KEY", this.apiKey, "ARCHON_URL",
				NGINX, "ARCHON_API_KEY", this.apiKey);

		String lights = returned(tools.run("ha_get_states", Map.of("domain", "light"), environment));
		assertThat(lights).startsWith("light.").doesNotContain("Could not read states", "No entities found");
		String light = lights.substring(0, lights.indexOf(':'));

		String toggled = returned(tools.run("ha_call_service",
				Map.of("domain", "light", "service", "toggle", "entity_id", light), environment));
		assertThat(toggled).startsWith("Called light.toggle on " + light).contains(light + " is now ");

		String found = returned(tools.run("search_docs",
				Map.of("query", "read the state of Home Assistant entities", "source", "agent_resources"),
				environment));
		assertThat(found).doesNotContain("Search failed", "Nothing found").contains("tools/ha_get_states.md", "score ");
	}

	@Test
	void everyToolOfAGeneratedAgentRunsAgainstItsEndpoints(@TempDir Path folder) throws Exception {
		Map<String, String> files = generate(DIGEST);
		assertThat(files).containsKeys("agent_tools.py", ".env.example");
		PythonTools tools = PythonTools.of(folder, files.get("agent_tools.py"));
		Map<String, List<String>> parameters = tools.tools();
		assertThat(parameters).as("the tools of the agent for: " + DIGEST).isNotEmpty();
		System.out.printf("Generated agent's tools: %s%n", parameters.keySet());
		Map<String, String> environment = environment(files.get(".env.example"));
		Map<String, ToolCall> calls = calls();
		for (String tool : parameters.keySet()) {
			ToolCall call = calls.get(tool);
			assertThat(call).as("how to call the generated tool %s: add it to %s", tool, getClass().getSimpleName())
				.isNotNull();
			PythonTools.Run run = tools.run(tool, call.arguments(), environment);
			assertThat(returned(run)).as(tool).contains(call.answerContains());
			assertThat(run.output() + run.errors()).doesNotContain(this.apiKey, SLACK_TOKEN, BRAVE_KEY);
		}
	}

	/**
	 * How each tool that a generated agent may have is called here, and what its answer
	 * must say when the endpoint accepted the call.
	 */
	private static Map<String, ToolCall> calls() {
		return Map.of("github_list_issues",
				new ToolCall(Map.of("owner", "octo-org", "repo", "octo-repo"), "#12 Pump stops after ten minutes"),
				"slack_post_message", new ToolCall(Map.of("text", "Digest: no new issues"), "Posted to #digest"),
				"web_search", new ToolCall(Map.of("query", "garden watering", "count", 2), SIM + "/thirdparty/pages/"),
				"fetch_url", new ToolCall(Map.of("url", SIM + "/thirdparty/pages/garden-watering"), "Morning watering"),
				"get_weather", new ToolCall(Map.of("place", "Oslo"), "Oslo (Norway) now: "), "current_time",
				new ToolCall(Map.of("timezone_name", "UTC"), "+00:00"), "ha_get_states",
				new ToolCall(Map.of("domain", "light"), "light."), "ha_call_service",
				new ToolCall(Map.of("domain", "light", "service", "turn_on", "entity_id", "light.kitchen"),
						"Called light.turn_on"),
				"search_docs", new ToolCall(Map.of("query", "GitHub issues tool"), ", score "));
	}

	/**
	 * What the user writes into the agent's {@code .env}, pointed at this cluster and at
	 * the simulator's fakes; a variable the agent declares that is not here stays empty,
	 * as in a {@code .env} copied from {@code .env.example}.
	 */
	private Map<String, String> environment(String envExample) {
		Map<String, String> filledIn = Map.ofEntries(Map.entry("HA_BRIDGE_URL", NGINX),
				Map.entry("HA_BRIDGE_API_KEY", this.apiKey), Map.entry("ARCHON_URL", NGINX),
				Map.entry("ARCHON_API_KEY", this.apiKey), Map.entry("GITHUB_API_URL", SIM + "/thirdparty/github"),
				Map.entry("SLACK_BOT_TOKEN", SLACK_TOKEN), Map.entry("SLACK_CHANNEL", "#digest"),
				Map.entry("SLACK_API_URL", SIM + "/thirdparty/slack/api"), Map.entry("BRAVE_API_KEY", BRAVE_KEY),
				Map.entry("BRAVE_SEARCH_URL", SIM + "/thirdparty/brave"),
				Map.entry("OPEN_METEO_URL", SIM + "/thirdparty/open-meteo"),
				Map.entry("OPEN_METEO_GEOCODING_URL", SIM + "/thirdparty/open-meteo-geocoding"));
		Map<String, String> environment = new HashMap<>();
		Matcher declared = VARIABLE.matcher(envExample);
		while (declared.find()) {
			environment.put(declared.group(1), filledIn.getOrDefault(declared.group(1), ""));
		}
		return environment;
	}

	/**
	 * Generates an agent through the API, as the web console does, and unzips its files.
	 */
	private Map<String, String> generate(String description) throws Exception {
		HttpResponse<String> accepted = send(HttpRequest.newBuilder(URI.create(NGINX + "/api/v1/agents"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString(this.json.writeValueAsString(Map.of("description", description, "cache", false)))));
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		String agent = "/api/v1/agents/" + this.json.readTree(accepted.body()).path("id").asString();
		Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
		JsonNode job = this.json.readTree(send(HttpRequest.newBuilder(URI.create(NGINX + agent))).body());
		while (List.of("queued", "running").contains(job.path("status").asString())
				&& Instant.now().isBefore(deadline)) {
			Thread.sleep(500);
			job = this.json.readTree(send(HttpRequest.newBuilder(URI.create(NGINX + agent))).body());
		}
		assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("succeeded");
		HttpResponse<byte[]> archive = this.http.send(
				authorised(HttpRequest.newBuilder(URI.create(NGINX + agent + "/archive"))).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(archive.statusCode()).isEqualTo(200);
		Map<String, String> files = new HashMap<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive.body()))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		return files;
	}

	private static List<String> libraryTools() throws IOException {
		try (Stream<Path> markdown = Files.list(LIBRARY_TOOLS)) {
			return markdown.filter((file) -> file.toString().endsWith(".md")).sorted().map((file) -> {
				try {
					Matcher code = PYTHON_BLOCK.matcher(Files.readString(file));
					return code.find() ? code.group(1) : "";
				}
				catch (IOException ex) {
					throw new IllegalStateException("Cannot read " + file, ex);
				}
			}).filter((code) -> !code.isEmpty()).toList();
		}
	}

	private static String returned(PythonTools.Run run) {
		assertThat(run.returned()).as("the tool raised:%n%s", run.errors()).isTrue();
		return run.output();
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(authorised(request).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder authorised(HttpRequest.Builder request) {
		return request.timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + this.apiKey);
	}

	private record ToolCall(Map<String, ?> arguments, String answerContains) {

	}

}
