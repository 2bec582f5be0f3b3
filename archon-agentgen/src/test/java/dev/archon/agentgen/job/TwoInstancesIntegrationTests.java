package dev.archon.agentgen.job;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dev.archon.agentgen.llm.SimulatedProviders;
import dev.archon.test.UsesRealServices;
import dev.archon.test.secrets.TestSecrets;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances sharing PostgreSQL and Redis: this one only serves the API (no workers),
 * the other runs the jobs. A client of this instance sees every event of a job that the
 * other ran, a bounded queue refuses work with 429, and a queued job is announced once,
 * never echoed back and forth between the instances.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "archon.api.keys=" + TestSecrets.API_KEY, "archon.llm.profile=sim",
				"archon.agentgen.jobs.workers=0", "archon.agentgen.jobs.max-queued=1",
				"archon.agentgen.pipeline.vector-url=http://localhost:9" })
@UsesRealServices
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIntegrationTests {

	@DynamicPropertySource
	static void simulator(DynamicPropertyRegistry registry) {
		registry.add("archon.llm.sim-url", () -> SimulatedProviders.shared().baseUrl());
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RedisConnectionFactory connections;

	@Autowired
	ConfigurableApplicationContext context;

	@Test
	@Order(1)
	void refusesWorkWith429WhenTheQueueIsFull() {
		// No worker runs in this JVM yet, so a queued job stays queued.
		this.jdbc.sql("UPDATE agent_jobs SET status = 'cancelled' WHERE status = 'queued'").update();
		UUID waiting = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO agent_jobs (id, status, description, framework, refinements, cache_key)
				VALUES (:id, 'queued', 'A job that waits in the queue', 'pydantic-ai', 0, 'k')
				""").param("id", waiting).update();
		try {
			Refusal refusal = new AgentsApi(this.port).client()
				.post()
				.uri("/api/v1/agents")
				.contentType(MediaType.APPLICATION_JSON)
				.body("{\"description\":\"An agent that will not fit in the queue.\",\"cache\":false}")
				.exchange((request, response) -> new Refusal(HttpStatus.valueOf(response.getStatusCode().value()),
						response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER),
						String.valueOf(response.getHeaders().getContentType()),
						new String(response.getBody().readAllBytes())));
			assertThat(refusal.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
			assertThat(refusal.retryAfter()).isEqualTo("10");
			assertThat(refusal.contentType()).isEqualTo("application/problem+json");
			assertThat(refusal.body()).contains("too-many-requests");
		}
		finally {
			this.jdbc.sql("UPDATE agent_jobs SET status = 'cancelled' WHERE id = :id").param("id", waiting).update();
		}
	}

	@Test
	@Order(2)
	void streamsTheEventsOfAJobThatAnotherInstanceRuns() throws IOException, InterruptedException {
		try (ConfigurableApplicationContext worker = startWorkerInstance()) {
			AgentsApi api = new AgentsApi(this.port);
			String location = api.submit("An agent that checks the weather before my run.");
			// Connected to this instance, which has no worker: every event comes through
			// Redis.
			List<SseClient.Event> events = api.events(location, null);
			assertThat(events).extracting(SseClient.Event::type)
				.contains("job-started", "step-started", "step-finished")
				.last()
				.isEqualTo("done");
			assertThat(events.get(events.size() - 1).data()).contains("succeeded");
			// Event ids are numbers: compared as strings, "10" would come before "9".
			assertThat(events).extracting((event) -> Long.parseLong(event.id())).doesNotHaveDuplicates().isSorted();
			// A client that reconnects with Last-Event-ID gets only what it missed.
			String lastSeen = events.get(3).id();
			List<SseClient.Event> missed = api.events(location, lastSeen);
			assertThat(missed).extracting(SseClient.Event::id)
				.containsExactlyElementsOf(events.subList(4, events.size()).stream().map(SseClient.Event::id).toList());
		}
	}

	@Test
	@Order(3)
	void announcesAQueuedJobOnceAndNeverEchoesTheAnnouncement() throws Exception {
		try (ConfigurableApplicationContext worker = startWorkerInstance();
				QueuedChannel queued = new QueuedChannel(this.connections)) {
			AgentsApi api = new AgentsApi(this.port);
			api.awaitFinished(api.submit("An agent that tells me when the bins go out."));
			assertThat(queued.messages()).as("announcements of the one job submitted").isEqualTo(1);
			assertThat(heard(worker)).as("announcements heard by the worker instance").isEqualTo(1);
			assertThat(heard(this.context)).as("announcements heard by the submitting instance").isZero();

			// An echo between instances would keep the channel busy after the job ended.
			await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
				assertThat(queued.messages()).as("announcements once the job had finished").isEqualTo(1);
				assertThat(heard(worker)).isEqualTo(1);
			});
		}
	}

	private static double heard(ApplicationContext instance) {
		return instance.getBean(MeterRegistry.class).counter("archon.agent.queued.announcements.heard").count();
	}

	private ConfigurableApplicationContext startWorkerInstance() {
		return WorkerInstances
			.start(Map.of("archon.agentgen.jobs.workers", "2", "archon.agentgen.jobs.poll-interval", "100ms"));
	}

	/**
	 * Counts what is published on the channel where instances announce queued jobs.
	 */
	static final class QueuedChannel implements AutoCloseable {

		private final AtomicInteger messages = new AtomicInteger();

		private final RedisMessageListenerContainer container = new RedisMessageListenerContainer();

		QueuedChannel(RedisConnectionFactory connections) {
			this.container.setConnectionFactory(connections);
			this.container.addMessageListener((message, pattern) -> this.messages.incrementAndGet(),
					new ChannelTopic(JobEvents.QUEUED_CHANNEL));
			this.container.afterPropertiesSet();
			this.container.start();
		}

		int messages() {
			return this.messages.get();
		}

		@Override
		public void close() throws Exception {
			this.container.stop();
			this.container.destroy();
		}

	}

	record Refusal(HttpStatus status, String retryAfter, String contentType, String body) {

	}

}
