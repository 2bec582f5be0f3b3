package dev.archon.cluster.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.archon.cluster.Launcher;

/**
 * The faults the suite can cause in the local cluster, each on the real part: processes
 * of the launcher killed or stopped, Redis and PostgreSQL stopped, archon-sim told to
 * fail, NGINX's rate limit lowered.
 */
final class Cluster {

	/** The PostgreSQL version the launcher provisions. */
	private static final String PG_VERSION = "15";

	private static final String SIM = "http://localhost:8123";

	private static final Duration RESTORE_TIMEOUT = Duration.ofMinutes(8);

	private final Launcher launcher;

	private final HttpClient http;

	Cluster(Launcher launcher, HttpClient http) {
		this.launcher = launcher;
		this.http = http;
	}

	/** kill -9: no shutdown hook, no drain, the way a machine dies. */
	void kill(String instance) throws IOException, InterruptedException {
		ProcessHandle process = running(instance);
		process.destroyForcibly();
		await(process);
	}

	/** SIGTERM: Spring's graceful shutdown. */
	void stop(String instance) throws IOException, InterruptedException {
		ProcessHandle process = running(instance);
		process.destroy();
		await(process);
	}

	/**
	 * Starts whatever is missing again, as an operator would: {@code ./archon up} leaves
	 * the instances that run alone and starts the others.
	 */
	void restore() throws IOException, InterruptedException {
		this.launcher.run(RESTORE_TIMEOUT, "up", "--instances", "2");
	}

	void stopRedis() throws IOException, InterruptedException {
		command("redis-cli", "-p", "6379", "shutdown", "nosave");
	}

	/** {@code ./archon services} starts Redis when it does not answer. */
	void startRedis() throws IOException, InterruptedException {
		this.launcher.run(RESTORE_TIMEOUT, "services");
	}

	void stopPostgres() throws IOException, InterruptedException {
		command("pg_ctlcluster", PG_VERSION, postgresCluster(), "stop", "-m", "fast");
	}

	void startPostgres() throws IOException, InterruptedException {
		command("pg_ctlcluster", PG_VERSION, postgresCluster(), "start");
	}

	/**
	 * Sets a fault of archon-sim.
	 * @param path {@code /_sim/ha/faults} or {@code /_sim/llm/faults}
	 * @param json the fault, as the simulator's control API describes it
	 */
	void simFault(String path, String json) throws IOException, InterruptedException {
		expectSuccess(simRequest(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	void clearSimFaults(String path) throws IOException, InterruptedException {
		expectSuccess(simRequest(path).DELETE().build());
	}

	/**
	 * Sets the simulated LLM providers' latency, so that a generation lasts long enough
	 * for a fault to hit it in flight.
	 * @param latency added to every call
	 */
	void simLatency(Duration latency) throws IOException, InterruptedException {
		simFault("/_sim/llm/latency", "{\"fixedMs\":" + latency.toMillis() + "}");
	}

	/**
	 * Runs an action with the rate limit of the running NGINX lowered, then puts the
	 * configuration back: the limit the repository ships is sized for a busy cluster, far
	 * above what a test can send.
	 * @param rate such as {@code 200r/s}
	 * @param burst the burst it allows
	 * @param action what to do meanwhile
	 */
	void withNginxRateLimit(String rate, int burst, Action action) throws Exception {
		Path conf = this.launcher.root().resolve(".archon/nginx/conf/nginx.conf");
		String shipped = Files.readString(conf);
		Files.writeString(conf, shipped.replaceAll("rate=\\d+r/s", "rate=" + rate)
			.replaceAll("(limit_req zone=archon_per_key) burst=\\d+", "$1 burst=" + burst));
		reloadNginx();
		try {
			action.run();
		}
		finally {
			Files.writeString(conf, shipped);
			reloadNginx();
		}
	}

	private void reloadNginx() throws IOException, InterruptedException {
		command("kill", "-HUP", Long.toString(running("nginx").pid()));
		// A reload starts new workers and lets the old ones finish what they serve.
		Thread.sleep(Duration.ofSeconds(1));
	}

	/**
	 * Reads the LLM providers' state on each agentgen instance, not through NGINX: each
	 * instance has circuits of its own.
	 * @param api the API, for its key
	 * @return each instance's answer
	 */
	Map<String, String> providersOnEachInstance(Api api) throws IOException, InterruptedException {
		return Map.of("agentgen-1", providers(api, 8101), "agentgen-2", providers(api, 8102));
	}

	private String providers(Api api, int port) throws IOException, InterruptedException {
		HttpRequest request = api.request("/api/v1/llm/providers")
			.uri(URI.create("http://localhost:" + port + "/api/v1/llm/providers"))
			.build();
		return api.sendOnce(request).body();
	}

	private HttpRequest.Builder simRequest(String path) throws IOException {
		String token = Files.readString(this.launcher.root().resolve(".archon/ha-token")).trim();
		return HttpRequest.newBuilder(URI.create(SIM + path))
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", "Bearer " + token);
	}

	private void expectSuccess(HttpRequest request) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
					+ response.statusCode() + ": " + response.body());
		}
	}

	private ProcessHandle running(String name) throws IOException {
		return this.launcher.process(name).orElseThrow(() -> new IllegalStateException(name + " is not running"));
	}

	private static void await(ProcessHandle process) throws InterruptedException {
		try {
			process.onExit().get(1, TimeUnit.MINUTES);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("process " + process.pid() + " did not exit", ex);
		}
	}

	/** What a scenario does while the cluster is in some state. */
	@FunctionalInterface
	interface Action {

		void run() throws Exception;

	}

	/**
	 * The PostgreSQL cluster the launcher runs. A developer's machine where other builds'
	 * tests use the one on 5432 points the launcher and this suite at a cluster of its
	 * own with {@code ARCHON_PG_CLUSTER} and {@code ARCHON_PG_PORT}.
	 */
	private static String postgresCluster() {
		String cluster = System.getenv("ARCHON_PG_CLUSTER");
		return (cluster != null && !cluster.isBlank()) ? cluster : "main";
	}

	private static void command(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		if (process.waitFor() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
		}
	}

}
