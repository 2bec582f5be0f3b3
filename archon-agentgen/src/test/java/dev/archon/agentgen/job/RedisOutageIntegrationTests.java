package dev.archon.agentgen.job;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.archon.agentgen.llm.SimulatedProviders;
import dev.archon.api.cache.RedisCircuit;
import dev.archon.test.RedisServerProcess;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatusCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis stopped in the middle of a job and started again, under two instances: one runs
 * the job, the other only serves the API and streams the job to a client. Every request
 * during the outage answers, the client misses no event, and once Redis is back the
 * instances share their cache and their events through it again, without a restart.
 */
class RedisOutageIntegrationTests {

	private final RedisServerProcess redis = RedisServerProcess.start();

	private final ConfigurableApplicationContext worker = start("2");

	private final ConfigurableApplicationContext front = start("0");

	@AfterEach
	void stop() {
		SimulatedProviders.shared().latency("{\"fixedMs\":0,\"perTokenMs\":0}");
		this.front.close();
		this.worker.close();
		this.redis.close();
	}

	@Test
	void servesStreamsAndCachesThroughARedisOutage() throws Exception {
		// Slow answers, so that the job runs through the whole outage.
		SimulatedProviders.shared().latency("{\"fixedMs\":300}");
		AgentsApi api = new AgentsApi(port(this.front));
		String location = api.submit("An agent that waters the plants when the soil is dry.");
		UUID job = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
		CompletableFuture<List<SseClient.Event>> follower = CompletableFuture
			.supplyAsync(() -> followToTheEnd(api, location));
		await().atMost(Duration.ofSeconds(30)).until(() -> storedEvents(job).size() >= 3);

		// when Redis stops while the job runs
		this.redis.stop();
		int storedAtStop = storedEvents(job).size();
		int failures = burstOfRequests(location, 40);
		await().atMost(Duration.ofSeconds(30)).until(() -> storedEvents(job).size() >= storedAtStop + 3);

		// then every request answered, and the instances did without Redis
		assertThat(failures).as("requests that failed while Redis was down").isZero();
		assertThat(circuit(this.front).available()).isFalse();

		// and once Redis is back, the client has had every event of the job, once each
		this.redis.startAgain();
		List<SseClient.Event> events = follower.get(60, TimeUnit.SECONDS);
		assertThat(events).extracting((event) -> Long.parseLong(event.id()))
			.containsExactlyElementsOf(storedEvents(job));
		assertThat(events).last().extracting(SseClient.Event::type).isEqualTo("done");
		assertThat(counter(this.front, "archon.agent.events.polled")).as("events read from the store").isPositive();

		// and a result cached by one instance is read from Redis by the other
		ResultCache written = this.worker.getBean(ResultCache.class);
		ResultCache read = this.front.getBean(ResultCache.class);
		CachedResult result = new CachedResult(Map.of("agent.py", "print('hi')"), "{}", false, List.of());
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			String key = UUID.randomUUID().toString();
			written.put(key, result);
			assertThat(read.get(key)).as("read by the other instance").isEqualTo(Optional.of(result));
		});
		assertThat(counter(this.front, "archon.cache.gets", "cache", "result", "layer", "redis", "outcome", "hit"))
			.isEqualTo(1);

		// and the events of the next job come through the subscription again
		await().atMost(Duration.ofSeconds(30))
			.until(() -> circuit(this.front).available() && circuit(this.worker).available());
		SimulatedProviders.shared().latency("{\"fixedMs\":0,\"perTokenMs\":0}");
		String next = api.submit("An agent that tells me when the post has come.");
		UUID nextJob = UUID.fromString(next.substring(next.lastIndexOf('/') + 1));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> counter(this.front, "archon.agent.events.polled"),
					(polled) -> polledAfter(polled, api, next, nextJob));
	}

	/**
	 * Follows a job to its end and says whether none of its events had to be read from
	 * the store: once the hub has stopped polling, the next job streams through Redis
	 * alone.
	 */
	private boolean polledAfter(double polledBefore, AgentsApi api, String location, UUID job) {
		List<SseClient.Event> events = followToTheEnd(api, location);
		assertThat(events).extracting((event) -> Long.parseLong(event.id()))
			.containsExactlyElementsOf(storedEvents(job));
		return counter(this.front, "archon.agent.events.polled") == polledBefore;
	}

	/**
	 * Reads the job and the list of jobs, and submits one job again and again: the same
	 * idempotency key makes it one job, not one per request, that the workers would have
	 * to run before the next job of the test.
	 */
	private int burstOfRequests(String location, int rounds) {
		int failures = 0;
		String idempotencyKey = UUID.randomUUID().toString();
		RestClient[] instances = { client(this.front), client(this.worker) };
		for (int i = 0; i < rounds; i++) {
			for (RestClient instance : instances) {
				if (!succeeds(() -> instance.get().uri(location).retrieve().toBodilessEntity().getStatusCode())) {
					failures++;
				}
				if (!succeeds(
						() -> instance.get().uri("/api/v1/agents").retrieve().toBodilessEntity().getStatusCode())) {
					failures++;
				}
				if (!succeeds(() -> instance.post()
					.uri("/api/v1/agents")
					.header("Content-Type", "application/json")
					.header("Idempotency-Key", idempotencyKey)
					.body("{\"description\":\"An agent that counts the birds in the garden.\"}")
					.retrieve()
					.toBodilessEntity()
					.getStatusCode())) {
					failures++;
				}
			}
		}
		for (ConfigurableApplicationContext instance : List.of(this.front, this.worker)) {
			String readiness = "http://localhost:" + instance.getEnvironment().getProperty("local.management.port")
					+ "/actuator/health/readiness";
			if (!succeeds(
					() -> RestClient.create().get().uri(readiness).retrieve().toBodilessEntity().getStatusCode())) {
				failures++;
			}
		}
		return failures;
	}

	private static boolean succeeds(java.util.function.Supplier<HttpStatusCode> request) {
		try {
			return request.get().is2xxSuccessful();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private List<Long> storedEvents(UUID job) {
		return this.worker.getBean(JdbcClient.class)
			.sql("SELECT id FROM agent_job_events WHERE job_id = :job ORDER BY id")
			.param("job", job)
			.query(Long.class)
			.list();
	}

	private static List<SseClient.Event> followToTheEnd(AgentsApi api, String location) {
		try {
			return api.events(location, null);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RestClient client(ConfigurableApplicationContext instance) {
		return new AgentsApi(port(instance)).client();
	}

	private static int port(ConfigurableApplicationContext instance) {
		return Integer.parseInt(instance.getEnvironment().getRequiredProperty("local.server.port"));
	}

	private static RedisCircuit circuit(ConfigurableApplicationContext instance) {
		return instance.getBean(RedisCircuit.class);
	}

	private static double counter(ConfigurableApplicationContext instance, String name, String... tags) {
		return instance.getBean(MeterRegistry.class).get(name).tags(tags).counter().count();
	}

	private ConfigurableApplicationContext start(String workers) {
		return WorkerInstances.start(Map.of("spring.data.redis.url", this.redis.url(), "archon.api.redis.backoff", "1s",
				"archon.agentgen.jobs.workers", workers, "archon.agentgen.jobs.poll-interval", "100ms"));
	}

}
