package dev.archon.agentgen.job;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import dev.archon.agentgen.llm.SimulatedProviders;
import dev.archon.api.wire.agents.JobFailed;
import dev.archon.api.wire.agents.JobQueued;
import dev.archon.api.wire.agents.JobStarted;
import dev.archon.api.wire.agents.StepStarted;
import dev.archon.test.UsesRealServices;
import dev.archon.test.secrets.TestSecrets;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Generation jobs end to end, against archon-sim's simulated providers, the real
 * PostgreSQL and Redis; archon-vector is absent, so generations are ungrounded.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "archon.api.keys=" + TestSecrets.API_KEY, "archon.llm.profile=sim",
				"archon.agentgen.jobs.lease=3s", "archon.agentgen.jobs.poll-interval=200ms",
				"archon.agentgen.pipeline.vector-url=http://localhost:9" })
@UsesRealServices
// Closed afterwards, so that its workers do not take the jobs of the next test class.
@DirtiesContext
class AgentJobsIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@DynamicPropertySource
	static void simulator(DynamicPropertyRegistry registry) {
		registry.add("archon.llm.sim-url", () -> SimulatedProviders.shared().baseUrl());
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry registry;

	@Autowired
	JobEvents events;

	@Test
	void readsEventsStoredBeforeEventsWereTyped() throws IOException {
		UUID job = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO agent_jobs (id, status, description, framework, refinements, cache_key)
				VALUES (:id, 'succeeded', 'An agent from an older release', 'pydantic-ai', 0, 'old')
				""").param("id", job).update();
		String[][] stored = { { "queued", "{\"version\":1}" },
				{ "job-started", "{\"attempt\":1,\"version\":1,\"worker\":\"agentgen-1\"}" },
				{ "step-started", "{\"step\":\"scope\",\"version\":1}" },
				{ "done", "{\"status\":\"failed\",\"version\":1,\"error\":\"provider down\"}" } };
		for (String[] event : stored) {
			this.jdbc.sql("INSERT INTO agent_job_events (job_id, type, data) VALUES (:job, :type, :data)")
				.param("job", job)
				.param("type", event[0])
				.param("data", event[1])
				.update();
		}
		try (InputStream migration = getClass()
			.getResourceAsStream("/db/migration/agentgen/V2__typed_job_events.sql")) {
			this.jdbc.sql(new String(migration.readAllBytes(), StandardCharsets.UTF_8)).update();
		}
		assertThat(this.events.after(job, 0)).extracting(StoredEvent::event)
			.containsExactly(new JobQueued(1, null), new JobStarted(1, 1, "agentgen-1"), new StepStarted("scope", 1),
					new JobFailed(1, "provider down"));
		assertThat(this.jdbc.sql("SELECT type FROM agent_job_events WHERE job_id = :job ORDER BY id")
			.param("job", job)
			.query(String.class)
			.list()).last().isEqualTo("job-failed");
	}

	@Test
	void generatesAnAgentThroughTheSimulatedProviders() throws IOException, InterruptedException {
		ResponseEntity<String> accepted = api()
			.post("{\"description\":\"An agent that answers questions about Pydantic AI from its docs. "
					+ UUID.randomUUID() + "\",\"refinements\":1}", null);
		assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		String location = accepted.getHeaders().getLocation().toString();
		assertThat(location).startsWith("/api/v1/agents/");
		JsonNode job = api().awaitFinished(location);
		assertThat(job.path("status").asString()).isEqualTo("succeeded");
		assertThat(job.path("degraded").asBoolean()).isFalse();
		assertThat(job.path("grounded").asBoolean()).isFalse();
		assertThat(job.path("files")).hasSize(5);
		assertThat(job.path("providers").toString()).contains("sim-openai");
		assertThat(job.path("tokens").path("output").asLong()).isPositive();
		List<String> steps = new ArrayList<>();
		job.path("steps").forEach((step) -> steps.add(step.path("name").asString()));
		assertThat(steps).contains("scope", "advisor", "retrieval", "coder", "refine-1-prompt", "refine-1-tools",
				"refine-1-agent", "refine-1-coder", "validation");
		assertThat(job.path("validation").path("checks").toString()).contains("python-syntax");
		// The archive holds the same five files.
		byte[] zip = api().client().get().uri(location + "/archive").retrieve().body(byte[].class);
		List<String> names = new ArrayList<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				names.add(entry.getName());
			}
		}
		assertThat(names).containsExactlyInAnyOrder("agent.py", "agent_tools.py", "agent_prompts.py", ".env.example",
				"requirements.txt");
		// The stream replays every stored event, ending with the final one.
		List<SseClient.Event> events = api().events(location, null);
		assertThat(events).extracting(SseClient.Event::type).contains("step-started", "step-finished", "ungrounded");
		assertThat(events).last().extracting(SseClient.Event::type).isEqualTo("done");
		// Recorded by the worker once the job is complete, which watchers may see first.
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(this.registry.find("archon.agent.overhead").tag("outcome", "succeeded").timer())
						.isNotNull());
		assertThat(
				this.registry.find("archon.agent.step").tag("step", "refine-tools").tag("outcome", "succeeded").timer())
			.isNotNull();
		assertThat(
				this.registry.find("archon.agent.step").tags("step", "coder", "outcome", "succeeded").timer().count())
			.isGreaterThanOrEqualTo(2);
	}

	@Test
	void answersTheSameIdempotencyKeyWithTheSameJob() {
		String key = UUID.randomUUID().toString();
		String body = "{\"description\":\"An agent that lists my open GitHub issues every morning.\",\"cache\":false}";
		ResponseEntity<String> first = api().post(body, key);
		ResponseEntity<String> second = api().post(body, key);
		assertThat(second.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		assertThat(second.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
		assertThat(this.jdbc.sql("SELECT count(*) FROM agent_jobs WHERE idempotency_key = :key")
			.param("key", key)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void answersAnIdenticalRequestFromTheResultCache() {
		String body = "{\"description\":\"An agent that posts the weather in Lyon to Slack. " + UUID.randomUUID()
				+ "\",\"refinements\":0}";
		JsonNode first = api().awaitFinished(api().post(body, null).getHeaders().getLocation().toString());
		assertThat(first.path("status").asString()).isEqualTo("succeeded");
		ResponseEntity<String> again = api().post(body.replace("An agent", "  an   AGENT"), null);
		JsonNode accepted = json.readTree(again.getBody());
		assertThat(accepted.path("cached").asBoolean()).isTrue();
		JsonNode second = api().get(again.getHeaders().getLocation().toString());
		assertThat(second.path("status").asString()).isEqualTo("succeeded");
		assertThat(second.path("files").toString()).isEqualTo(first.path("files").toString());
		// Unless the caller asks for a fresh one.
		JsonNode fresh = json.readTree(api().post(body.replace("}", ",\"cache\":false}"), null).getBody());
		assertThat(fresh.path("cached").asBoolean()).isFalse();
	}

	@Test
	void cancelsAQueuedJob() {
		UUID id = insertJobHeldElsewhere();
		ResponseEntity<Void> cancelled = api().client()
			.delete()
			.uri("/api/v1/agents/" + id)
			.retrieve()
			.toBodilessEntity();
		assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(api().get("/api/v1/agents/" + id).path("status").asString()).isEqualTo("cancelled");
		HttpStatus again = api().client()
			.delete()
			.uri("/api/v1/agents/" + id)
			.exchange((request, response) -> HttpStatus.valueOf(response.getStatusCode().value()));
		assertThat(again).isEqualTo(HttpStatus.NO_CONTENT);
	}

	@Test
	void resumesAJobWhoseWorkerDiedFromItsLastFinishedStep() {
		// given a job whose worker finished the scope step, then died: its lease ran out.
		// One statement, so that no worker claims the job before its step is there.
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				WITH job AS (
				    INSERT INTO agent_jobs (id, status, description, framework, refinements, cache_key, use_cache,
				                            lease_owner, lease_until, attempts, started_at)
				    VALUES (:id, 'running', 'An agent that reminds me to water the plants.', 'pydantic-ai', 0, 'k',
				            false, 'dead-worker', now() - interval '1 minute', 1, now() - interval '2 minutes')
				    RETURNING id
				)
				INSERT INTO agent_job_steps (job_id, version, name, status, output, provider, model, started_at,
				                             finished_at)
				SELECT id, 1, 'scope', 'succeeded', '# Scope written before the crash', 'sim-openai', 'sim-r',
				       now() - interval '2 minutes', now() - interval '2 minutes'
				FROM job
				""").param("id", id).update();
		// when another worker claims it
		JsonNode job = api().awaitFinished("/api/v1/agents/" + id);
		// then it finishes once, without writing the scope again
		assertThat(job.path("status").asString()).isEqualTo("succeeded");
		assertThat(job.path("attempts").asInt()).isEqualTo(2);
		assertThat(this.jdbc.sql("SELECT output FROM agent_job_steps WHERE job_id = :id AND name = 'scope'")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("# Scope written before the crash");
		assertThat(this.jdbc.sql("SELECT count(*) FROM agent_job_events WHERE job_id = :id AND type = 'job-succeeded'")
			.param("id", id)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void makesANewVersionFromFeedback() throws IOException, InterruptedException {
		String location = api()
			.post("{\"description\":\"An agent that fetches a web page and summarises it. " + UUID.randomUUID()
					+ "\",\"refinements\":0,\"cache\":false}", null)
			.getHeaders()
			.getLocation()
			.toString();
		api().awaitFinished(location);
		ResponseEntity<String> message = api().client()
			.post()
			.uri(location + "/messages")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"message\":\"refine\"}")
			.retrieve()
			.toEntity(String.class);
		assertThat(message.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		JsonNode queued = json.readTree(message.getBody());
		assertThat(queued.path("version").asInt()).isEqualTo(2);
		// Followed from the event that queued it, the stream tells this version only.
		List<SseClient.Event> events = api().events(location, queued.path("lastEventId").asString());
		assertThat(json.readTree(events.getFirst().data()).path("version").asInt()).isEqualTo(2);
		assertThat(events).extracting(SseClient.Event::type).startsWith("job-started").endsWith("done");
		JsonNode job = api().awaitFinished(location);
		assertThat(job.path("version").asInt()).isEqualTo(2);
		assertThat(job.path("filesVersion").asInt()).isEqualTo(2);
		assertThat(job.path("steps").toString()).contains("refine-prompt");

		JsonNode versions = api().get(location + "/versions").path("versions");
		assertThat(versions).extracting((version) -> version.path("number").asInt()).containsExactly(1, 2);
		assertThat(versions).extracting((version) -> version.path("status").asString())
			.containsExactly("succeeded", "succeeded");
		assertThat(versions.get(0).path("feedback").isNull()).isTrue();
		assertThat(versions.get(1).path("feedback").asString()).isEqualTo("refine");
		JsonNode first = api().get(location + "/versions/1");
		assertThat(first.path("files")).hasSize(5);
		JsonNode diff = api().get(location + "/diff?from=1&to=2");
		assertThat(diff.path("from").asInt()).isEqualTo(1);
		assertThat(diff.path("to").asInt()).isEqualTo(2);
		assertThat(diff.path("files").isArray()).isTrue();
		assertThat(status(location + "/diff?from=0&to=2")).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(status(location + "/versions/3")).isEqualTo(HttpStatus.NOT_FOUND);
	}

	private HttpStatus status(String uri) {
		return api().client()
			.get()
			.uri(uri)
			.exchange((request, response) -> HttpStatus.valueOf(response.getStatusCode().value()));
	}

	@Test
	void refusesDescriptionsOutsideTheLimits() {
		HttpStatus status = api().client()
			.post()
			.uri("/api/v1/agents")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"description\":\"too short\"}")
			.exchange((request, response) -> HttpStatus.valueOf(response.getStatusCode().value()));
		assertThat(status).isEqualTo(HttpStatus.BAD_REQUEST);
		String tooLong = "x".repeat(8001);
		HttpStatus longStatus = api().client()
			.post()
			.uri("/api/v1/agents")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"description\":\"" + tooLong + "\"}")
			.exchange((request, response) -> HttpStatus.valueOf(response.getStatusCode().value()));
		assertThat(longStatus).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void answers404ForAnUnknownJob() {
		UUID unknown = UUID.randomUUID();
		ResponseEntity<String> answer = api().client()
			.get()
			.uri("/api/v1/agents/" + unknown)
			.exchange((request, response) -> ResponseEntity.status(response.getStatusCode())
				.contentType(response.getHeaders().getContentType())
				.body(new String(response.getBody().readAllBytes())), false);
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode problem = json.readTree(answer.getBody());
		assertThat(problem.path("type").asString()).isEqualTo("https://archon.dev/problems/not-found");
		assertThat(problem.path("jobId").asString()).isEqualTo(unknown.toString());
		assertThat(problem.path("requestId").asString()).isNotBlank();
	}

	@Test
	void refusesAMessageForAJobThatIsStillRunning() {
		UUID id = insertJobHeldElsewhere();
		ResponseEntity<String> answer = api().client()
			.post()
			.uri("/api/v1/agents/" + id + "/messages")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"message\":\"refine\"}")
			.exchange((request, response) -> ResponseEntity.status(response.getStatusCode())
				.body(new String(response.getBody().readAllBytes())), false);
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		JsonNode problem = json.readTree(answer.getBody());
		assertThat(problem.path("type").asString()).isEqualTo("https://archon.dev/problems/conflict");
		assertThat(problem.path("status").asInt()).isEqualTo(409);
		assertThat(problem.path("jobStatus").asString()).isEqualTo("running");
		assertThat(problem.path("detail").asString()).contains("running");
	}

	/**
	 * Inserts a running job with a live lease that no worker of this test holds, so that
	 * none takes it meanwhile.
	 */
	private UUID insertJobHeldElsewhere() {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO agent_jobs (id, status, description, framework, refinements, cache_key, lease_owner,
				                        lease_until)
				VALUES (:id, 'running', 'An agent held by a worker elsewhere', 'pydantic-ai', 1, 'k', 'elsewhere',
				        now() + interval '1 hour')
				""").param("id", id).update();
		return id;
	}

	private AgentsApi api() {
		return new AgentsApi(this.port);
	}

}
