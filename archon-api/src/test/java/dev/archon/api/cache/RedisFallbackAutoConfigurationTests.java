package dev.archon.api.cache;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class RedisFallbackAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
				DataRedisHealthContributorAutoConfiguration.class, RedisFallbackAutoConfiguration.class))
		// Nothing listens on port 1: Redis is down from the start.
		.withPropertyValues("spring.data.redis.url=redis://localhost:1", "spring.data.redis.timeout=1s");

	@Test
	void reportsRedisDownAsDegradedInPlaceOfBootsIndicator() {
		this.contextRunner.withPropertyValues("archon.api.redis.backoff=1h").run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(RedisCircuit.class).hasSingleBean(SharedCaches.class);
			HealthIndicator redis = context.getBean("redisHealthIndicator", HealthIndicator.class);
			assertThat(redis).isInstanceOf(RedisFallbackHealthIndicator.class);
			assertThat(redis.health().getStatus()).isEqualTo(RedisFallbackHealthIndicator.DEGRADED);
			assertThat(context.getBean(RedisCircuit.class).available()).isFalse();
		});
	}

	@Test
	void leavesTheIndicatorOutWhenRedisHealthIsDisabled() {
		this.contextRunner.withPropertyValues("management.health.redis.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(RedisCircuit.class)
				.doesNotHaveBean("redisHealthIndicator"));
	}

	@Test
	void standsBackWithoutRedis() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(RedisFallbackAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(RedisCircuit.class)
				.doesNotHaveBean(SharedCaches.class));
	}

}
