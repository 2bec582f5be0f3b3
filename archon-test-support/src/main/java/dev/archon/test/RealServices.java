package dev.archon.test;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Where the integration tests find PostgreSQL with pgvector and Redis: the servers that
 * {@code ./archon test} starts and names in {@code ARCHON_TEST_PG_URL},
 * {@code ARCHON_TEST_PG_USER}, {@code ARCHON_TEST_PG_PASSWORD} and
 * {@code ARCHON_TEST_REDIS_URL}; or, where those are not set and a Docker engine answers,
 * containers started once for the whole test run. With neither, tests fail with a message
 * that says how to provide them: they are never skipped.
 * <p>
 * Not Spring Boot's {@code @ServiceConnection}: a service connection reaches only the
 * test's own application context, and these tests start several applications by hand (two
 * instances of a service in one JVM, the simulator beside it), each given
 * {@link #springProperties()}. The container images are pinned to the PostgreSQL major,
 * pgvector and Redis versions that {@code ./archon} and {@code docker-compose.yml} run.
 *
 * @param jdbcUrl the database's JDBC URL
 * @param username the database user
 * @param password the database user's password
 * @param redisUrl Redis's URL
 */
public record RealServices(String jdbcUrl, String username, String password, String redisUrl) {

	private static @Nullable RealServices resolved;

	/**
	 * The services for this test run, started on first use when they come from
	 * Testcontainers.
	 * @return where the services answer
	 * @throws IllegalStateException when no services are configured and no Docker engine
	 * answers
	 */
	public static synchronized RealServices get() {
		if (resolved == null) {
			resolved = resolve(System.getenv());
		}
		return resolved;
	}

	/**
	 * The nodes of the Redis Cluster (three masters, each with a replica) that
	 * {@code ./archon test} creates anew for each run and names in
	 * {@code ARCHON_TEST_REDIS_CLUSTER_NODES}, for the tests that prove the services on a
	 * cluster and through a master's failure.
	 * @return the nodes, as {@code host:port}
	 * @throws IllegalStateException when no cluster is configured
	 */
	public static List<String> redisClusterNodes() {
		String nodes = System.getenv("ARCHON_TEST_REDIS_CLUSTER_NODES");
		if (nodes == null || nodes.isBlank()) {
			throw new IllegalStateException("""
					Redis Cluster tests need the six local redis-server nodes that './archon test' starts \
					(three masters, three replicas), named in ARCHON_TEST_REDIS_CLUSTER_NODES as host:port,...""");
		}
		return List.of(nodes.split(","));
	}

	/**
	 * The Spring properties that point a service at these servers.
	 * @return the datasource and Redis properties
	 */
	public Map<String, Object> springProperties() {
		return Map.of("spring.datasource.url", this.jdbcUrl, "spring.datasource.username", this.username,
				"spring.datasource.password", this.password, "spring.data.redis.url", this.redisUrl);
	}

	static RealServices resolve(Map<String, String> environment) {
		String jdbcUrl = environment.get("ARCHON_TEST_PG_URL");
		if (jdbcUrl != null && !jdbcUrl.isBlank()) {
			return new RealServices(jdbcUrl, environment.getOrDefault("ARCHON_TEST_PG_USER", "archon"),
					environment.getOrDefault("ARCHON_TEST_PG_PASSWORD", "archon"),
					environment.getOrDefault("ARCHON_TEST_REDIS_URL", "redis://localhost:6379"));
		}
		if (dockerAvailable()) {
			return startContainers();
		}
		throw new IllegalStateException("""
				Integration tests need PostgreSQL with pgvector and Redis. Run them with './archon test', \
				which installs and starts both; or set ARCHON_TEST_PG_URL (with ARCHON_TEST_PG_USER and \
				ARCHON_TEST_PG_PASSWORD) and ARCHON_TEST_REDIS_URL; or start a Docker engine so that \
				Testcontainers can run pgvector/pgvector:0.8.0-pg15 and redis:7.4.2-alpine.""");
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	@SuppressWarnings("resource") // the containers live as long as the test JVM
	private static RealServices startContainers() {
		PostgreSQLContainer postgres = new PostgreSQLContainer(
				DockerImageName.parse("pgvector/pgvector:0.8.0-pg15").asCompatibleSubstituteFor("postgres"))
			.withInitScript("archon-test-init.sql");
		GenericContainer<?> redis = new GenericContainer<>(DockerImageName.parse("redis:7.4.2-alpine"))
			.withExposedPorts(6379);
		postgres.start();
		redis.start();
		return new RealServices(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword(),
				"redis://" + redis.getHost() + ":" + redis.getMappedPort(6379));
	}

}
