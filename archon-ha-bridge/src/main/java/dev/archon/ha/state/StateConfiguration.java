package dev.archon.ha.state;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import dev.archon.api.cache.RedisCircuit;
import dev.archon.ha.HaProperties;
import dev.archon.ha.client.HomeAssistantConnection;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

@Configuration(proxyBeanMethods = false)
class StateConfiguration {

	@Bean
	StateCache stateCache(MeterRegistry meters) {
		return new StateCache(Clock.systemUTC(), meters);
	}

	@Bean
	StateChangeFeed stateChangeFeed(HaProperties properties) {
		return new StateChangeFeed(properties.cache().eventBuffer());
	}

	@Bean
	SharedStateCopy sharedStateCopy(StringRedisTemplate redis, RedisCircuit circuit, StateCache cache, JsonMapper json,
			HaProperties properties) {
		return new SharedStateCopy(redis, circuit, cache, json, properties.cache());
	}

	@Bean
	StateSynchronizer stateSynchronizer(StateCache cache, StateChangeFeed feed, SharedStateCopy sharedCopy,
			JsonMapper json) {
		return new StateSynchronizer(cache, feed, sharedCopy, json);
	}

	@Bean
	HomeAssistantHealthIndicator homeAssistantHealthIndicator(StateCache cache, HomeAssistantConnection connection) {
		return new HomeAssistantHealthIndicator(cache, connection);
	}

}
