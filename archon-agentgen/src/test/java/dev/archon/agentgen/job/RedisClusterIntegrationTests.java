package dev.archon.agentgen.job;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.archon.agentgen.llm.SimulatedProviders;
import dev.archon.test.RealServices;
import dev.archon.test.UsesRealServices;
import dev.archon.test.secrets.TestSecrets;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances on the Redis Cluster that {@code ./archon test} starts (three masters,
 * three replicas): this one serves the API, the other runs the jobs. Job events reach a
 * follower of this instance only through Redis pub/sub, queued jobs are announced through
 * it, and results are cached in it. Then the node that holds this instance's subscription
 * is shut down, as a crash would, and all three must keep working once the cluster has
 * failed over, without restarting either instance.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "archon.api.keys=" + TestSecrets.API_KEY, "archon.llm.profile=sim",
				"archon.agentgen.jobs.workers=0", "archon.agentgen.pipeline.vector-url=http://localhost:9",
				"spring.data.redis.client-name=" + RedisClusterIntegrationTests.API_CLIENT_NAME })
@UsesRealServices
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisClusterIntegrationTests {

	static final String API_CLIENT_NAME = "archon-cluster-test-api";

	private static final JsonMapper json = JsonMapper.builder().build();

	@DynamicPropertySource
	static void cluster(DynamicPropertyRegistry registry) {
		registry.add("archon.llm.sim-url", () -> SimulatedProviders.shared().baseUrl());
		registry.add("spring.data.redis.cluster.nodes", () -> String.join(",", RealServices.redisClusterNodes()));
	}

	@LocalServerPort
	int port;

	@Autowired
	StringRedisTemplate redis;

	private static ConfigurableApplicationContext worker;

	@Test
	@Order(1)
	void runsJobsOnTheCluster() throws Exception {
		worker = startWorkerInstance();
		assertJobsStreamCacheAndAnnounce("before a node fails");
	}

	@Test
	@Order(2)
	void keepsWorkingWhenTheNodeHoldingTheSubscriptionFails() throws Exception {
		try {
			RedisURI subscribed = nodeWithSubscriber(API_CLIENT_NAME).orElseThrow(
					() -> new AssertionError("no cluster node holds a subscription of client " + API_CLIENT_NAME));
			shutDown(subscribed);
			awaitClusterOk(subscribed);
			// Both instances subscribe again on a live node, without a restart.
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(500))
				.untilAsserted(() -> assertThat(subscribersOfTheQueuedChannel(subscribed)).isEqualTo(2));
			// Both find the keys of the failed master's slots on its promoted replica,
			// once
			// Lettuce has refreshed its view of the cluster.
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
				assertThat(writesAndReadsAcrossTheCluster(this.redis)).isTrue();
				assertThat(writesAndReadsAcrossTheCluster(worker.getBean(StringRedisTemplate.class))).isTrue();
			});
			assertJobsStreamCacheAndAnnounce("after the node " + subscribed + " failed");
		}
		finally {
			worker.close();
		}
	}

	private void assertJobsStreamCacheAndAnnounce(String when) throws Exception {
		AgentsApi api = new AgentsApi(this.port);
		double heardBefore = announcementsHeard();
		String description = "An agent that reads the cluster's mood " + UUID.randomUUID();

		JsonNode first = accepted(api.post("{\"description\":\"" + description + "\",\"refinements\":1}", null));
		assertThat(first.path("cached").asBoolean()).as("first submission %s", when).isFalse();
		String location = "/api/v1/agents/" + first.path("id").asString();
		// This instance runs no worker: a follower here sees the job end only through
		// Redis.
		List<SseClient.Event> events = api.events(location, null);
		assertThat(events).as("events streamed %s", when).extracting(SseClient.Event::type).last().isEqualTo("done");
		assertThat(events.get(events.size() - 1).data()).contains("succeeded");
		assertThat(announcementsHeard()).as("announcements the worker heard %s", when).isGreaterThan(heardBefore);

		JsonNode again = accepted(api.post("{\"description\":\"" + description + "\",\"refinements\":1}", null));
		assertThat(again.path("cached").asBoolean()).as("the same description again %s", when).isTrue();
	}

	private static JsonNode accepted(ResponseEntity<String> response) {
		assertThat(response.getStatusCode().is2xxSuccessful()).isTrue();
		return json.readTree(response.getBody());
	}

	private static double announcementsHeard() {
		return worker.getBean(MeterRegistry.class).counter("archon.agent.queued.announcements.heard").count();
	}

	private static Optional<RedisURI> nodeWithSubscriber(String clientName) {
		for (String node : RealServices.redisClusterNodes()) {
			RedisURI uri = RedisURI.create("redis://" + node);
			try (Node connection = Node.connect(uri)) {
				boolean subscribed = connection.command()
					.sync()
					.clientList()
					.lines()
					.anyMatch((client) -> client.contains(" name=" + clientName + " ")
							&& (!client.contains(" sub=0 ") || !client.contains(" psub=0 ")));
				if (subscribed) {
					return Optional.of(uri);
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * Thirty keys spread over the slots, so that every master holds some: each written
	 * and read back through an instance's own client.
	 */
	private static boolean writesAndReadsAcrossTheCluster(StringRedisTemplate instance) {
		try {
			for (int i = 0; i < 30; i++) {
				String key = "archon:test:cluster-probe:" + i;
				instance.opsForValue().set(key, "ok", Duration.ofMinutes(1));
				if (!"ok".equals(instance.opsForValue().get(key))) {
					return false;
				}
			}
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static long subscribersOfTheQueuedChannel(RedisURI failed) {
		long subscribers = 0;
		for (String node : RealServices.redisClusterNodes()) {
			RedisURI uri = RedisURI.create("redis://" + node);
			if (uri.getPort() != failed.getPort()) {
				try (Node connection = Node.connect(uri)) {
					subscribers += connection.command()
						.sync()
						.pubsubNumsub(JobEvents.QUEUED_CHANNEL)
						.values()
						.stream()
						.mapToLong(Long::longValue)
						.sum();
				}
			}
		}
		return subscribers;
	}

	/** SHUTDOWN NOSAVE: the node stops at once, as a crash would stop it. */
	private static void shutDown(RedisURI node) {
		try (Node connection = Node.connect(node)) {
			connection.command().sync().shutdown(false);
		}
		catch (RedisException expected) {
			// The node closes the connection as it stops.
		}
	}

	private static void awaitClusterOk(RedisURI failed) {
		RedisURI survivor = RealServices.redisClusterNodes()
			.stream()
			.map((node) -> RedisURI.create("redis://" + node))
			.filter((uri) -> uri.getPort() != failed.getPort())
			.findFirst()
			.orElseThrow();
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			try (Node connection = Node.connect(survivor)) {
				assertThat(connection.command().sync().clusterInfo()).contains("cluster_state:ok");
				assertThat(connection.command().sync().clusterNodes())
					.containsPattern(":" + failed.getPort() + "@\\d+ \\S*fail");
			}
		});
	}

	private static ConfigurableApplicationContext startWorkerInstance() {
		return WorkerInstances.start(Map.of("archon.agentgen.jobs.workers", "2", "spring.data.redis.cluster.nodes",
				String.join(",", RealServices.redisClusterNodes())));
	}

	/**
	 * A plain connection to one node of the cluster, outside the services' own clients.
	 */
	private record Node(RedisClient client, StatefulRedisConnection<String, String> command) implements AutoCloseable {

		static Node connect(RedisURI uri) {
			RedisClient client = RedisClient.create(uri);
			return new Node(client, client.connect());
		}

		@Override
		public void close() {
			this.command.close();
			this.client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
		}

	}

}
