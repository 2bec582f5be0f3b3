package dev.archon.api.cache;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.ClientOptions.DisconnectedBehavior;
import io.lettuce.core.resource.Delay;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Redis as a layer a service does without while it is down: the service's
 * {@link RedisCircuit}, its {@link SharedCaches}, the gauge
 * {@code archon.redis.available}, a {@code redis} health indicator that reports an outage
 * as {@code DEGRADED} in place of Spring Boot's, which reports it as {@code DOWN}, and a
 * Lettuce client that fails fast while disconnected and reconnects soon after Redis is
 * back.
 */
@AutoConfiguration(after = DataRedisAutoConfiguration.class, before = DataRedisHealthContributorAutoConfiguration.class)
@ConditionalOnClass(StringRedisTemplate.class)
@ConditionalOnBean(StringRedisTemplate.class)
@EnableConfigurationProperties(RedisFallbackProperties.class)
public final class RedisFallbackAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RedisCircuit redisCircuit(RedisFallbackProperties properties, StringRedisTemplate redis) {
		return new RedisCircuit(properties.backoff(),
				() -> redis.execute((RedisCallback<String>) RedisConnection::ping));
	}

	@Bean
	@ConditionalOnMissingBean
	SharedCaches sharedCaches(StringRedisTemplate redis, RedisCircuit circuit,
			ObjectProvider<MeterRegistry> meterRegistry) {
		return new SharedCaches(redis, circuit, meterRegistry.getIfAvailable(SimpleMeterRegistry::new));
	}

	@Bean
	MeterBinder redisAvailability(RedisCircuit circuit) {
		return (registry) -> Gauge.builder("archon.redis.available", circuit, (it) -> it.available() ? 1 : 0)
			.description("1 while this instance asks Redis, 0 while it does without")
			.register(registry);
	}

	/**
	 * Named as Spring Boot names its own, which then stands back, so that readiness
	 * groups that include {@code redis} keep working.
	 */
	@Bean("redisHealthIndicator")
	@ConditionalOnEnabledHealthIndicator("redis")
	RedisFallbackHealthIndicator redisHealthIndicator(StringRedisTemplate redis, RedisCircuit circuit) {
		return new RedisFallbackHealthIndicator(redis, circuit);
	}

	/**
	 * Lettuce's defaults suit a Redis that blips, not one that is down for a while: it
	 * queues commands while disconnected, so each one waits for the command timeout, and
	 * its reconnection delay doubles up to 30 s, so it may find Redis back half a minute
	 * late.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ClientOptions.class)
	static class LettuceFailFast {

		@Bean
		LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
			return (options) -> options.disconnectedBehavior(DisconnectedBehavior.REJECT_COMMANDS);
		}

		@Bean
		ClientResourcesBuilderCustomizer reconnectWithinTheBackoff(RedisFallbackProperties properties) {
			return (resources) -> resources.reconnectDelay(
					Delay.exponential(Duration.ofMillis(100), properties.backoff(), 2, TimeUnit.MILLISECONDS));
		}

	}

}
