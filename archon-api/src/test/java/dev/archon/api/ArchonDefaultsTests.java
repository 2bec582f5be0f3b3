package dev.archon.api;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.archon.api.config.ArchonDefaults;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsProperties;
import org.springframework.boot.micrometer.metrics.autoconfigure.PropertiesMeterFilter;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class ArchonDefaultsTests {

	@Test
	void putsManagementOnServicePortPlus1000() {
		StandardEnvironment environment = environment(Map.of("server.port", "8201"));
		new ArchonDefaults().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("management.server.port")).isEqualTo("9201");
	}

	@Test
	void keepsManagementPortTheServiceChose() {
		StandardEnvironment environment = environment(Map.of("server.port", "8201", "management.server.port", "7000"));
		new ArchonDefaults().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("management.server.port")).isEqualTo("7000");
	}

	@Test
	void leavesManagementOnRandomServicePort() {
		StandardEnvironment environment = environment(Map.of("server.port", "0"));
		new ArchonDefaults().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("management.server.port")).isNull();
	}

	@Test
	void keepsUpstreamConnectionsAsLongAsNginxDoes() {
		StandardEnvironment environment = environment(Map.of("spring.application.name", "archon-x"));
		new ArchonDefaults().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("server.tomcat.max-keep-alive-requests")).isEqualTo("10000");
	}

	@Test
	void letsServiceSettingsWin() {
		StandardEnvironment environment = environment(
				Map.of("spring.application.name", "archon-x", "spring.threads.virtual.enabled", "false"));
		new ArchonDefaults().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.threads.virtual.enabled")).isEqualTo("false");
		assertThat(environment.getProperty("server.shutdown")).isEqualTo("graceful");
		assertThat(environment.getProperty("management.metrics.tags.application")).isEqualTo("archon-x");
	}

	@Test
	void bucketsRequestTimesAtTheAlertThresholdsInsteadOfAPercentileHistogram() {
		StandardEnvironment environment = environment(Map.of("spring.application.name", "archon-x"));
		new ArchonDefaults().postProcessEnvironment(environment, new SpringApplication());
		// Bound as Spring Boot binds them: a boundary it cannot read, in any meter's
		// ladder, fails here rather than at a service's start.
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		registry.config()
			.meterFilter(new PropertiesMeterFilter(
					Binder.get(environment).bindOrCreate("management.metrics", MetricsProperties.class)));

		Timer requests = Timer.builder("http.server.requests").register(registry);
		requests.record(Duration.ofSeconds(7));

		// Micrometer's percentile histogram would have about 70 buckets.
		assertThat(requests.takeSnapshot().histogramCounts()).hasSize(15)
			.extracting((count) -> count.bucket(TimeUnit.SECONDS))
			.contains(5.0, 15.0);
	}

	@Test
	void pointsRedisAtAClusterOrSentinelOnlyWhenNamed() {
		StandardEnvironment cluster = environment(Map.of("ARCHON_REDIS_CLUSTER_NODES", "10.0.0.1:7000,10.0.0.2:7000"));
		new ArchonDefaults().postProcessEnvironment(cluster, new SpringApplication());
		assertThat(cluster.getProperty("spring.data.redis.cluster.nodes")).isEqualTo("10.0.0.1:7000,10.0.0.2:7000");
		assertThat(cluster.getProperty("spring.data.redis.sentinel.master")).isNull();

		StandardEnvironment sentinel = environment(
				Map.of("ARCHON_REDIS_SENTINEL_MASTER", "archon", "ARCHON_REDIS_SENTINEL_NODES", "10.0.0.1:26379"));
		new ArchonDefaults().postProcessEnvironment(sentinel, new SpringApplication());
		assertThat(sentinel.getProperty("spring.data.redis.sentinel.master")).isEqualTo("archon");
		assertThat(sentinel.getProperty("spring.data.redis.sentinel.nodes")).isEqualTo("10.0.0.1:26379");
		assertThat(sentinel.getProperty("spring.data.redis.cluster.nodes")).isNull();

		StandardEnvironment single = environment(Map.of("ARCHON_REDIS_CLUSTER_NODES", " "));
		new ArchonDefaults().postProcessEnvironment(single, new SpringApplication());
		assertThat(single.getProperty("spring.data.redis.cluster.nodes")).isNull();
	}

	private static StandardEnvironment environment(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		return environment;
	}

}
