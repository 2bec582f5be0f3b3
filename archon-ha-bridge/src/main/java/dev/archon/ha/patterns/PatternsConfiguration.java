package dev.archon.ha.patterns;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import dev.archon.ha.HaProperties;
import dev.archon.ha.client.HomeAssistantRest;
import dev.archon.ha.control.AllowList;
import dev.archon.ha.state.StateCache;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

@Configuration(proxyBeanMethods = false)
class PatternsConfiguration {

	@Bean
	PatternAnalysis patternAnalysis(HomeAssistantRest rest, StateCache cache, StringRedisTemplate redis,
			JsonMapper json, HaProperties properties, MeterRegistry meters) {
		return new PatternAnalysis(properties.url(), rest, cache, redis, json, properties.patterns(), meters);
	}

	@Bean
	Automations automations(HomeAssistantRest rest, AllowList allowList) {
		return new Automations(rest, new AutomationServices(allowList));
	}

}
