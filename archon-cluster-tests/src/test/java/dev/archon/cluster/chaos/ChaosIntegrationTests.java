package dev.archon.cluster.chaos;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import dev.archon.cluster.Launcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * The fault suite of issue 12 against the local cluster, two instances of each service
 * behind NGINX: each scenario breaks one real part under a steady mixed load and must
 * lose no accepted work and keep its error rate within bounds. Quick (outages of seconds)
 * inside {@code ./archon test}; full ({@code ARCHON_CHAOS=full}, the durations)
 * from {@code ./archon chaos}, which records its figures in
 * {@code bench/results/chaos.json}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChaosIntegrationTests {

	/** Long enough for a fault to hit a generation in flight, short enough for many. */
	private static final Duration LLM_LATENCY = Duration.ofMillis(400);

	/**
	 * The simulated providers, and a provider that refused our credentials out of the
	 * pool for 20 s rather than the default 10 min: the provider scenario ends with a
	 * 401, and its recovery is to be seen within the run.
	 */
	private final Launcher launcher = Launcher
		.ofRepository(Map.of("ARCHON_LLM_PROFILE", "sim", "ARCHON_LLM_LONGCOOLDOWN", "20s"));

	private final HttpClient http = Api.newClient();

	private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final Mode mode = Mode.fromEnvironment();

	private final List<ScenarioResult> results = new ArrayList<>();

	private final Cluster cluster = new Cluster(this.launcher, this.http);

	private ChaosRun run;

	@BeforeAll
	void startCluster() throws Exception {
		this.launcher.run(Duration.ofMinutes(8), "up", "--instances", "2");
		this.cluster.simLatency(LLM_LATENCY);
		this.run = new ChaosRun(this.cluster, this.http, this.json, this.launcher.apiKey(), this.mode);
	}

	@AfterAll
	void recordAndStopCluster() throws Exception {
		try {
			Path report = this.launcher.root()
				.resolve((this.mode == Mode.FULL) ? "bench/results/chaos.json"
						: "archon-cluster-tests/target/chaos-quick.json");
			Files.createDirectories(report.getParent());
			this.json.writeValue(report.toFile(),
					new ChaosReport(this.mode.name().toLowerCase(Locale.ROOT), this.results));
		}
		finally {
			this.launcher.run(Duration.ofMinutes(2), "down");
		}
	}

	@TestFactory
	Stream<DynamicTest> losesNoAcceptedWorkUnderAnyFault() {
		List<Fault> faults = List.of(new InstancesKilled(), new GracefulStop(), new RedisOutage(),
				new PostgresRestart(), new HomeAssistantOutage(this.json, LLM_LATENCY),
				new ProviderFailure(this.json, LLM_LATENCY), new VectorDown(this.json),
				new SlowClientsAndFlood(this.http));
		return faults.stream().map((fault) -> dynamicTest(fault.name(), () -> {
			ScenarioResult result = this.run.run(fault);
			this.results.add(result);
			System.out.println(result.summary());
			result.failures().forEach((failure) -> System.out.println("Chaos:   failed " + failure));
			assertThat(result.violations()).as(fault.name() + ": what did not hold").isEmpty();
			assertThat(result.lost()).as(fault.name() + ": accepted work lost or done twice, " + result.work())
				.isZero();
			assertThat(result.work().failed()).as(fault.name() + ": accepted jobs that failed").isZero();
			assertThat(result.work().missedEvents()).as(fault.name() + ": job events the followers missed").isZero();
			assertThat(result.errorRate()).as(fault.name() + ": error rate").isLessThanOrEqualTo(result.maxErrorRate());
		}));
	}

	/**
	 * The suite's figures, as {@code bench/results/chaos.json} keeps them.
	 *
	 * @param mode quick or full
	 * @param scenarios each scenario's figures, in the order they ran
	 */
	record ChaosReport(String mode, List<ScenarioResult> scenarios) {

	}

}
