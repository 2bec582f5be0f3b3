package dev.archon.ha;

import java.time.Duration;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.archon.api.cache.RedisCircuit;
import dev.archon.test.RealServices;
import dev.archon.test.RedisServerProcess;
import dev.archon.test.secrets.TestSecrets;
import dev.archon.ha.state.StateCache;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatusCode;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis stopped under reads, then started again, empty: states and pattern reports are
 * answered while it is down, and once it is back the shared copy of the states is written
 * to it again in full, without a restart.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "archon.api.keys=" + TestSecrets.API_KEY,
		"management.server.port=0", "archon.api.redis.backoff=1s" })
class RedisOutageIntegrationTests {

	private static final RedisServerProcess redis = RedisServerProcess.start();

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		RealServices.get().springProperties().forEach((name, value) -> registry.add(name, () -> value));
		registry.add("spring.data.redis.url", redis::url);
		SimulatedHomeAssistant.connect(registry);
	}

	@AfterAll
	static void stopRedis() {
		redis.close();
	}

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	StateCache cache;

	@Autowired
	RedisCircuit circuit;

	@Autowired
	StringRedisTemplate redisTemplate;

	@Autowired
	HaProperties properties;

	@Test
	void answersThroughARedisOutageAndWritesTheSharedCopyAgainAfter() {
		await().atMost(Duration.ofSeconds(60)).until(this.cache::isSynchronised);
		RestClient api = BridgeApi.client(this.port);
		RestClient management = RestClient.create("http://localhost:" + this.managementPort);
		String someEntity = this.cache.find("light", null, null).get(0).entityId();

		// when Redis stops under reads
		redis.stop();
		int failures = 0;
		for (int i = 0; i < 20; i++) {
			failures += failed(() -> api.get().uri("/api/v1/ha/states").retrieve().toBodilessEntity().getStatusCode());
			failures += failed(() -> api.get()
				.uri("/api/v1/ha/states/" + someEntity)
				.retrieve()
				.toBodilessEntity()
				.getStatusCode());
			failures += failed(() -> api.get()
				.uri("/api/v1/ha/patterns?days=1&domain=light")
				.retrieve()
				.toBodilessEntity()
				.getStatusCode());
			failures += failed(() -> management.get()
				.uri("/actuator/health/readiness")
				.retrieve()
				.toBodilessEntity()
				.getStatusCode());
		}

		// then everything answered, without Redis
		assertThat(failures).as("requests that failed while Redis was down").isZero();
		assertThat(this.circuit.available()).isFalse();

		// and once Redis is back, empty, the shared copy holds every state again
		redis.startAgain();
		String key = this.properties.cache().redisKey();
		// The test's own reads fail while Lettuce reconnects.
		await().atMost(Duration.ofSeconds(20))
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(this.redisTemplate.opsForHash().size(key)).isEqualTo(this.cache.size()));
	}

	private static int failed(Supplier<HttpStatusCode> request) {
		try {
			return request.get().is2xxSuccessful() ? 0 : 1;
		}
		catch (RuntimeException ex) {
			return 1;
		}
	}

}
