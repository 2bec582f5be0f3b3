package dev.archon.api.cache;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.archon.api.cache.SharedCache.Codec;
import dev.archon.test.RedisServerProcess;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances' caches, configured as the services' are, over a {@code redis-server} of
 * the test's own, which it stops and starts again.
 */
class SharedCacheIntegrationTests {

	private static final Codec<String> TEXT = new Codec<>() {

		@Override
		public byte[] encode(String value) {
			return value.getBytes(StandardCharsets.UTF_8);
		}

		@Override
		public String decode(byte[] stored) {
			return new String(stored, StandardCharsets.UTF_8);
		}

	};

	private final RedisServerProcess server = RedisServerProcess.start();

	private final ApplicationContextRunner instance = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(DataRedisAutoConfiguration.class, RedisFallbackAutoConfiguration.class))
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
		.withPropertyValues("spring.data.redis.url=" + this.server.url(), "spring.data.redis.timeout=1s",
				"archon.api.redis.backoff=200ms");

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void answersFromMemoryWhileRedisIsDownAndSharesThroughRedisOnceItIsBack() {
		this.instance.run((firstInstance) -> this.instance.run((secondInstance) -> {
			SharedCache<String> first = cache(firstInstance);
			SharedCache<String> second = cache(secondInstance);

			// given a value cached while Redis answers
			first.put("before", "kept");
			assertThat(second.get("before")).as("read from Redis by the other instance").contains("kept");

			// when Redis stops
			this.server.stop();
			for (int i = 0; i < 20; i++) {
				assertThat(first.get("before")).contains("kept");
				first.put("during-" + i, "local");
				assertThat(first.get("during-" + i)).contains("local");
				assertThat(second.get("during-" + i)).isEmpty();
			}
			assertThat(counter(firstInstance, "archon.cache.fallbacks")).as("values kept in memory only").isEqualTo(20);
			assertThat(firstInstance.getBean(RedisCircuit.class).available()).isFalse();

			// then it is shared again once Redis is back
			this.server.startAgain();
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				first.put("after", "shared");
				assertThat(second.get("after")).contains("shared");
			});
			assertThat(counter(secondInstance, "archon.cache.gets", "layer", "redis", "outcome", "hit"))
				.as("values the second instance read from Redis")
				.isEqualTo(2);
		}));
	}

	private static SharedCache<String> cache(ApplicationContext instance) {
		return instance.getBean(SharedCaches.class).create("test", "archon:test:", TEXT, 100, Duration.ofMinutes(1));
	}

	private static double counter(ApplicationContext instance, String name, String... tags) {
		return instance.getBean(MeterRegistry.class).get(name).tag("cache", "test").tags(tags).counter().count();
	}

}
