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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.archon.test.http.PathSpellings;
import dev.archon.test.http.RawHttp;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cluster as an operator starts it: {@code ./archon up --instances 2}, two instances
 * of each service behind NGINX, probed without a key in every spelling of every
 * operation, measured while idle, then one instance of each killed without warning, then
 * {@code ./archon down}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIntegrationTests {

	private static final int NGINX_PORT = 8080;

	private static final String NGINX = "http://localhost:" + NGINX_PORT;

	/** The port of each service's first instance; the second's is the next. */
	private static final Map<String, Integer> INSTANCE_PORTS = Map.of("agentgen", 8101, "vector", 8201, "ha-bridge",
			8301);

	/** One authenticated read per service, each served by a different upstream. */
	private static final Map<String, String> READS = Map.of("agentgen", "/api/v1/llm/providers", "vector",
			"/api/v1/vector/sources", "ha-bridge", "/api/v1/ha/states");

	// Simulated OpenAI, then simulated Anthropic, then the built-in provider: generation
	// goes
	// through real provider clients, and the LLM dashboards have series to show.
	private final Launcher launcher = Launcher.ofRepository(Map.of("ARCHON_LLM_PROFILE", "sim"));

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = JsonMapper.builder().build();

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
	void costsAlmostNothingOnceIdle() throws Exception {
		// After this test's own workload (reads, a generation, a failover, the
		// dashboards'
		// queries), and before the spelling probe. A minute's rest lets the application's
		// threads settle; the JIT's compiler threads still compile in bursts for minutes,
		// so they are measured apart (see IdleCost) and printed, not budgeted.
		Thread.sleep(Duration.ofSeconds(60));
		Map<String, ProcessHandle> processes = new LinkedHashMap<>();
		for (String service : INSTANCE_PORTS.keySet()) {
			for (String instance : List.of(service + "-1", service + "-2")) {
				processes.put(instance, this.launcher.process(instance)
					.orElseThrow(() -> new AssertionError(instance + " is not running")));
			}
		}
		processes.put("sim", this.launcher.process("sim").orElseThrow());
		Map<String, Double> cost = new IdleCost().measure(processes, 6379, Duration.ofSeconds(10));
		processes.keySet()
			.forEach((name) -> System.out.printf("Idle: %-12s %.2f %% of a core, and %.2f %% in JIT compiler threads%n",
					name, cost.get(name) * 100, cost.get(name + " jit") * 100));
		System.out.printf("Idle: redis        %.1f commands/s%n", cost.get("redis"));
		assertThat(processes.keySet()).allSatisfy((name) -> assertThat(cost.get(name))
			.as(name + "'s share of a core while idle, without the JIT's compiler threads")
			.isLessThan(0.02));
		assertThat(cost.get("redis")).as("Redis commands a second while idle").isLessThan(20);
	}

	@Test
	@Order(6)
	void refusesEverySpellingOfEveryOperationWithoutKeyThroughNginxAndOnEveryInstance() throws Exception {
		List<Integer> ports = new ArrayList<>(List.of(NGINX_PORT));
		INSTANCE_PORTS.values().forEach((first) -> ports.addAll(List.of(first, first + 1)));
		List<String> failures = new ArrayList<>();
		int sent = 0;
		for (Map.Entry<String, Integer> service : INSTANCE_PORTS.entrySet()) {
			JsonNode paths = this.json.readTree(get(service.getValue(), "/v3/api-docs", null).body()).get("paths");
			assertThat(paths.propertyNames()).as(service.getKey() + " operations").isNotEmpty();
			for (String template : paths.propertyNames()) {
				for (String method : paths.get(template).propertyNames()) {
					for (String spelling : PathSpellings.of(PathSpellings.fill(template, "x"))) {
						for (int port : ports) {
							RawHttp.Response response = RawHttp.send(port, method.toUpperCase(Locale.ROOT), spelling);
							sent++;
							if (!response.refusedBeforeAnyController()) {
								failures.add(method + " " + spelling + " on " + port + ": " + response);
							}
						}
					}
				}
			}
		}
		System.out.printf("Spellings without a key: %d requests, %d got through%n", sent, failures.size());
		assertThat(failures).isEmpty();
	}

	@Test
	@Order(7)
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
	@Order(8)
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
		return get(NGINX_PORT, path, key);
	}

	private HttpResponse<String> get(int port, String path, String key) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(30));
		if (key != null) {
			request.header("Authorization", "Bearer " + key);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
