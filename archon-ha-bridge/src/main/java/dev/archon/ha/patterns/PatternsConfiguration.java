package dev.archon.ha.patterns;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import dev.archon.api.cache.SharedCache.Codec;
import dev.archon.api.cache.SharedCaches;
import dev.archon.ha.HaProperties;
import dev.archon.ha.client.HomeAssistantRest;
import dev.archon.ha.control.AllowList;
import dev.archon.ha.state.StateCache;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PatternsConfiguration {

	/**
	 * A report of a large home runs to megabytes: an instance keeps a few in memory, the
	 * ones it is most likely to be asked again.
	 */
	private static final int REPORTS_IN_MEMORY = 16;

	@Bean
	PatternAnalysis patternAnalysis(HomeAssistantRest rest, StateCache cache, SharedCaches caches, JsonMapper json,
			HaProperties properties, MeterRegistry meters) {
		return new PatternAnalysis(properties.url(), rest, cache, caches.create("pattern-report", "archon:ha:patterns:",
				Codec.bytes(), REPORTS_IN_MEMORY, properties.patterns().cacheFor()), json, properties.patterns(),
				meters);
	}

	@Bean
	Automations automations(HomeAssistantRest rest, AllowList allowList) {
		return new Automations(rest, new AutomationServices(allowList));
	}

}
