package dev.archon.agentgen.gateway.web;

import dev.archon.api.security.RouteEntryPoint;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's routes answer a missing or wrong API key in OpenAI's body too.
 */
@Configuration(proxyBeanMethods = false)
class GatewayWebConfiguration {

	@Bean
	RouteEntryPoint openAiAuthenticationEntryPoint(JsonMapper jsonMapper) {
		return new RouteEntryPoint("/v1/**", new OpenAiAuthenticationEntryPoint(jsonMapper));
	}

}
