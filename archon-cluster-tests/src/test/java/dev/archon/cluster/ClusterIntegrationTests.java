package dev.archon.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cluster as an operator starts it: {@code ./archon up --instances 2}, two instances
 * of each service behind NGINX, then one instance of each killed without warning, then
 * {@code ./archon down}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIntegrationTests {

	private static final String NGINX = "http://localhost:8080";

	/** One authenticated read per service, each served by a different upstream. */
	private static final Map<String, String> READS = Map.of("agentgen", "/api/v1/llm/providers", "vector",
			"/api/v1/vector/sources", "ha-bridge", "/api/v1/ha/states");

	// Simulated OpenAI, then simulated Anthropic, then the built-in provider: generation
	// goes
	// through real provider clients, and the LLM dashboards have series to show.
	private final Launcher launcher = Launcher.ofRepository(Map.of("ARCHON_LLM_PROFILE", "sim"));

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private String apiKey = "";

	private boolean down;

	@BeforeAll
	void startCluster() throws Exception {
		this.launcher.run(Duration.ofMinutes(8), "up", "--instances", "2");
		this.apiKey = this.launcher.apiKey();
	}

	@AfterAll
	void stopClusterEvenWhenTestsFailed() throws Exception {
		if (!this.down) {
			this.launcher.run(Duration.ofMinutes(2), "down");
		}
	}

	@Test
	@Order(1)
	void everyServiceAnswersAuthenticatedReadThroughNginx() throws Exception {
		for (String path : READS.values()) {
			HttpResponse<String> response = get(path, this.apiKey);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			// One id: the service's echo is hidden behind NGINX's own header.
			assertThat(response.headers().allValues("X-Request-Id")).as(path).hasSize(1);
		}
	}

	@Test
	@Order(2)
	void refusesReadWithoutKeyAsProblem() throws Exception {
		for (String path : READS.values()) {
			HttpResponse<String> response = get(path, null);
			assertThat(response.statusCode()).as(path).isEqualTo(401);
			assertThat(response.headers().firstValue("Content-Type")).as(path)
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		}
	}

	@Test
	@Order(3)
	void generatesAgentEndToEnd() throws Exception {
		String output = this.launcher.run(Duration.ofMinutes(3), "generate",
				"An agent that turns on the kitchen light at sunrise and reports the living room temperature");
		Path folder = this.launcher.generatedFolder(output);
		for (String file : List.of("agent.py", "agent_tools.py", "agent_prompts.py", ".env.example",
				"requirements.txt")) {
			assertThat(folder.resolve(file)).as(file).isNotEmptyFile();
		}
		assertThat(Files.readString(folder.resolve("agent.py"))).contains("Agent(");
	}

	@Test
	@Order(4)
	void everyDashboardQueryAndRecordingRuleReturnsSeries() throws Exception {
		// Fails naming each panel whose query errors or finds nothing: a renamed meter
		// breaks
		// the build, not a dashboard at 3 a.m.
		String output = this.launcher.runScript(Duration.ofMinutes(6), "deploy/prometheus/dashboard-check");
		assertThat(output).contains("0 failed");
	}

	@Test
	@Order(5)
	void keepsAnsweringWhenOneInstanceOfEachServiceIsKilled() throws Exception {
		for (String service : READS.keySet()) {
			ProcessHandle instance = this.launcher.process(service + "-1")
				.orElseThrow(() -> new AssertionError(service + "-1 is not running"));
			// kill -9: no shutdown hook, no graceful drain, the way a machine dies
			new ProcessBuilder("kill", "-9", Long.toString(instance.pid())).inheritIO().start().waitFor();
			instance.onExit().get();
		}
		List<String> failures = new ArrayList<>();
		List<String> paths = List.copyOf(READS.values());
		for (int i = 0; i < 200; i++) {
			String path = paths.get(i % paths.size());
			HttpResponse<String> response = get(path, this.apiKey);
			if (response.statusCode() != 200) {
				failures.add("#" + i + " " + path + " answered " + response.statusCode() + ": " + response.body());
			}
		}
		assertThat(failures).isEmpty();
	}

	@Test
	@Order(6)
	void downLeavesNoProcessOfOursRunning() throws Exception {
		this.launcher.run(Duration.ofMinutes(2), "down");
		this.down = true;
		for (String service : READS.keySet()) {
			assertThat(this.launcher.process(service + "-2")).as(service + "-2").isEmpty();
		}
		assertThat(this.launcher.process("nginx")).isEmpty();
		assertThat(this.launcher.process("sim")).isEmpty();
		assertThat(this.launcher.javaProcessesOfThisRepository()).isEmpty();
	}

	private HttpResponse<String> get(String path, String key) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(NGINX + path)).timeout(Duration.ofSeconds(30));
		if (key != null) {
			request.header("Authorization", "Bearer " + key);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
