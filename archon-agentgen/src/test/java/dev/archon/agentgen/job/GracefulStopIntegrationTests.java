package dev.archon.agentgen.job;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.archon.agentgen.llm.SimulatedProviders;
import dev.archon.test.UsesRealServices;
import dev.archon.test.secrets.TestSecrets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two worker instances, and this one that only serves the API, with a lease far longer
 * than the test: a job moves from one worker instance to the other only if the instance
 * that stops hands it back.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "archon.api.keys=" + TestSecrets.API_KEY, "archon.llm.profile=sim",
				"archon.agentgen.jobs.workers=0", "archon.agentgen.pipeline.vector-url=http://localhost:9" })
@UsesRealServices
@DirtiesContext
class GracefulStopIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@DynamicPropertySource
	static void simulator(DynamicPropertyRegistry registry) {
		registry.add("archon.llm.sim-url", () -> SimulatedProviders.shared().baseUrl());
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void noLatency() {
		SimulatedProviders.shared().latency("{\"fixedMs\":0,\"perTokenMs\":0}");
	}

	@Test
	void handsARunningJobBackWhenItsInstanceStops() throws IOException, InterruptedException {
		// Slow answers, so that the job is still running when its instance stops.
		SimulatedProviders.shared().latency("{\"fixedMs\":700}");
		Map<String, ConfigurableApplicationContext> instances = new HashMap<>();
		try {
			instances.put("first", startWorkerInstance("first"));
			instances.put("second", startWorkerInstance("second"));
			AgentsApi api = new AgentsApi(this.port);
			String location = api.submit("An agent that reminds me to stretch every hour.");
			UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));

			// given a worker that finished a step of the job and is in the middle of
			// others
			await().atMost(Duration.ofMinutes(1)).until(() -> succeededSteps(id) >= 1);
			String owner = leaseOwner(id);
			String runner = owner.substring(0, owner.indexOf(':'));
			String other = runner.equals("first") ? "second" : "first";

			// when its instance stops, as on SIGTERM
			instances.remove(runner).close();

			// then the other instance finishes the job, long before the lease runs out
			JsonNode job = api.awaitFinished(location);
			assertThat(job.path("status").asString()).isEqualTo("succeeded");
			assertThat(job.path("attempts").asInt()).isEqualTo(2);
			List<SseClient.Event> events = api.events(location, null);
			assertThat(events).filteredOn((event) -> event.type().equals("job-started"))
				.extracting((event) -> json.readTree(event.data()).path("worker").asString())
				.containsExactly(runner, other);
			assertThat(events).filteredOn((event) -> event.type().equals("done")).hasSize(1);
			assertThat(events).last().extracting(SseClient.Event::type).isEqualTo("done");
			// Each step's outcome is told once: the step cut short is told by the worker
			// that
			// redid it, and the stopped worker told nothing after handing the job back.
			List<String> finishedSteps = events.stream()
				.filter((event) -> event.type().equals("step-finished"))
				.map((event) -> json.readTree(event.data()).path("step").asString())
				.toList();
			assertThat(finishedSteps).doesNotHaveDuplicates()
				.containsExactlyInAnyOrderElementsOf(
						this.jdbc.sql("SELECT name FROM agent_job_steps WHERE job_id = :id AND status = 'succeeded'")
							.param("id", id)
							.query(String.class)
							.list());
		}
		finally {
			instances.values().forEach(ConfigurableApplicationContext::close);
		}
	}

	private int succeededSteps(UUID id) {
		return this.jdbc.sql(
				"SELECT count(*) FROM agent_job_steps WHERE job_id = :id AND status = 'succeeded' AND provider IS NOT NULL")
			.param("id", id)
			.query(Integer.class)
			.single();
	}

	private String leaseOwner(UUID id) {
		return this.jdbc.sql("SELECT lease_owner FROM agent_jobs WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single();
	}

	private static ConfigurableApplicationContext startWorkerInstance(String name) {
		return WorkerInstances.start(Map.of("archon.agentgen.jobs.workers", "1", "archon.agentgen.jobs.instance-id",
				name, "archon.agentgen.jobs.lease", "1h"));
	}

}
