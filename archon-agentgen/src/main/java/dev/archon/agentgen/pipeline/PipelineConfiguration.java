package dev.archon.agentgen.pipeline;

import java.nio.file.Path;
import java.util.List;

import dev.archon.agentgen.llm.ProviderPool;
import dev.archon.agentgen.resources.AgentResources;
import dev.archon.api.client.ServiceClients;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the pipeline.
 */
@Configuration(proxyBeanMethods = false)
class PipelineConfiguration {

	@Bean
	Prompts prompts() {
		return new Prompts();
	}

	@Bean
	AgentResources agentResources(PipelineProperties properties) {
		Path configured = Path.of(properties.resourcesDir());
		// From a module's folder (tests, mvn spring-boot:run) the library is one level
		// up.
		return AgentResources.load(List.of(configured, Path.of("..").resolve(configured)));
	}

	@Bean
	Pipeline pipeline(ProviderPool pool, Prompts prompts, AgentResources resources, ServiceClients clients,
			PipelineProperties properties) {
		Retrieval retrieval = new Retrieval(clients.create("archon-vector", properties.vectorUrl()));
		Validator validator = new Validator(properties.python(), properties.pythonTimeout());
		return new Pipeline(pool, prompts, resources, retrieval, validator, properties.stepRestarts());
	}

}
