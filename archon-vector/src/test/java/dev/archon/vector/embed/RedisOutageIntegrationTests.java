package dev.archon.vector.embed;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.archon.api.cache.RedisCircuit;
import dev.archon.api.cache.SharedCaches;
import dev.archon.test.RealServices;
import dev.archon.test.RedisServerProcess;
import dev.archon.test.secrets.TestSecrets;
import dev.archon.vector.VectorApplication;
import dev.archon.vector.VectorProperties;
import dev.archon.vector.ingest.Document;
import dev.archon.vector.ingest.Ingestion;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis stopped under searches, then started again: every search answers while it is
 * down, and once it is back an embedding this instance computed is read from Redis by
 * another.
 */
@SpringBootTest(classes = VectorApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"archon.api.keys=" + TestSecrets.API_KEY, "management.server.port=0", "archon.api.redis.backoff=1s" })
class RedisOutageIntegrationTests {

	private static final RedisServerProcess redis = RedisServerProcess.start();

	@DynamicPropertySource
	static void ownRedis(DynamicPropertyRegistry registry) {
		RealServices.get().springProperties().forEach((name, value) -> registry.add(name, () -> value));
		registry.add("spring.data.redis.url", redis::url);
	}

	@AfterAll
	static void stopRedis() {
		redis.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	Ingestion ingestion;

	@Autowired
	Embedder embedder;

	@Autowired
	SharedCaches caches;

	@Autowired
	VectorProperties properties;

	@Autowired
	RedisCircuit circuit;

	@Autowired
	MeterRegistry meters;

	@Test
	void searchesThroughARedisOutageAndSharesEmbeddingsOnceItIsBack() {
		this.ingestion.ingest("redis_outage_test", List.of(new Document("https://redis-outage.test/a", "A",
				"# Zebras\n\nZebras are striped horses of the African savanna.\n", Map.of())));

		// when Redis stops under searches, new queries and repeated ones
		redis.stop();
		int failures = 0;
		for (int i = 0; i < 40; i++) {
			if (!search("striped horses number " + (i % 10))) {
				failures++;
			}
		}

		// then every search answered, from memory and the model
		assertThat(failures).as("searches that failed while Redis was down").isZero();
		assertThat(this.circuit.available()).isFalse();
		assertThat(this.meters.get("archon.cache.fallbacks").tag("cache", "embedding").counter().count())
			.as("embeddings kept in memory only")
			.isGreaterThanOrEqualTo(10);

		// and once Redis is back, another instance reads what this one computed
		redis.startAgain();
		QueryEmbeddings otherInstance = new QueryEmbeddings(this.embedder, this.caches, this.properties);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			String query = "zebras " + UUID.randomUUID();
			assertThat(search(query)).isTrue();
			double before = redisHits();
			otherInstance.embed(query);
			assertThat(redisHits()).as("embeddings read from Redis").isEqualTo(before + 1);
		});
	}

	private boolean search(String query) {
		try {
			return RestClient.create("http://localhost:" + this.port)
				.post()
				.uri("/api/v1/vector/search")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestSecrets.API_KEY)
				.contentType(MediaType.APPLICATION_JSON)
				.body("{\"query\":\"" + query + "\",\"source\":\"redis_outage_test\",\"limit\":1}")
				.retrieve()
				.toBodilessEntity()
				.getStatusCode()
				.is2xxSuccessful();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private double redisHits() {
		return this.meters.get("archon.cache.gets")
			.tags("cache", "embedding", "layer", "redis", "outcome", "hit")
			.counter()
			.count();
	}

}
