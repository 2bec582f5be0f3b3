package dev.archon.vector.search;

import java.util.List;
import java.util.Map;

import dev.archon.api.cache.RedisCircuit;
import dev.archon.api.wire.vector.SearchRequest;
import dev.archon.api.wire.vector.SearchResponse;
import dev.archon.test.RealServices;
import dev.archon.test.secrets.TestSecrets;
import dev.archon.vector.VectorApplication;
import dev.archon.vector.ingest.Document;
import dev.archon.vector.ingest.Ingestion;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Redis unreachable, searches still answer from the model and the local cache, and
 * the instance stays ready while its health says that Redis is down.
 */
@SpringBootTest(classes = VectorApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "archon.api.keys=" + TestSecrets.API_KEY, "management.server.port=0" })
class RedisDownIntegrationTests {

	@DynamicPropertySource
	static void unreachableRedis(DynamicPropertyRegistry registry) {
		// The real database, as @UsesRealServices would give (it would also override
		// Redis).
		RealServices.get().springProperties().forEach((name, value) -> registry.add(name, () -> value));
		// Nothing listens on port 1: every Redis call fails at once.
		registry.add("spring.data.redis.url", () -> "redis://localhost:1");
	}

	@Autowired
	Ingestion ingestion;

	@Autowired
	Search search;

	@Autowired
	RedisCircuit redis;

	@Autowired
	@Qualifier("redisHealthIndicator")
	HealthIndicator redisHealth;

	@LocalManagementPort
	int managementPort;

	@Test
	void searchesAndStaysReadyWithoutRedis() {
		this.ingestion.ingest("redis_down_test", List.of(new Document("https://redis-down.test/a", "A",
				"# Zebras\n\nZebras are striped horses of the African savanna.\n", Map.of())));
		SearchRequest request = new SearchRequest("striped horses", "redis_down_test", 1, null, null);
		SearchResponse first = this.search.search(request, false);
		SearchResponse second = this.search.search(request, false);
		assertThat(first.results()).singleElement()
			.satisfies((hit) -> assertThat(hit.url()).isEqualTo("https://redis-down.test/a"));
		assertThat(second.results()).isEqualTo(first.results());
		assertThat(this.redis.available()).isFalse();
		assertThat(this.redisHealth.health().getStatus().getCode()).isEqualTo("DEGRADED");
		String readiness = RestClient.create()
			.get()
			.uri("http://localhost:" + this.managementPort + "/actuator/health/readiness")
			.retrieve()
			.body(String.class);
		assertThat(readiness).contains("\"status\":\"DEGRADED\"");
	}

}
