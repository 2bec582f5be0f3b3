package dev.archon.ha.client;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import tools.jackson.databind.json.JsonMapper;

import dev.archon.ha.HaProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClientConfiguration {

	@Bean
	HomeAssistantConnection homeAssistantConnection(HaProperties properties, JsonMapper json,
			ObjectProvider<HomeAssistantListener> listeners, MeterRegistry meters) {
		return new HomeAssistantConnection(properties, json, listeners, meters);
	}

	@Bean
	HomeAssistantRest homeAssistantRest(HaProperties properties, ObservationRegistry observations) {
		return new HomeAssistantRest(properties, observations);
	}

}
