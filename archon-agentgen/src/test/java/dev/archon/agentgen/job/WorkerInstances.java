package dev.archon.agentgen.job;

import java.util.HashMap;
import java.util.Map;

import dev.archon.agentgen.AgentgenApplication;
import dev.archon.agentgen.llm.SimulatedProviders;
import dev.archon.test.RealServices;
import dev.archon.test.secrets.TestSecrets;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts another agentgen instance in the test's JVM, sharing its PostgreSQL, Redis and
 * simulated providers, on random ports: a second instance of the cluster.
 */
final class WorkerInstances {

	private WorkerInstances() {
	}

	/**
	 * Starts an instance.
	 * @param settings its settings beyond the shared ones, such as its workers
	 * @return its running context, to close to stop it
	 */
	static ConfigurableApplicationContext start(Map<String, String> settings) {
		Map<String, Object> properties = new HashMap<>(RealServices.get().springProperties());
		properties.put("server.port", "0");
		properties.put("management.server.port", "0");
		properties.put("archon.api.keys", TestSecrets.API_KEY);
		properties.put("archon.llm.profile", "sim");
		properties.put("archon.llm.sim-url", SimulatedProviders.shared().baseUrl());
		properties.put("archon.agentgen.pipeline.vector-url", "http://localhost:9");
		properties.putAll(settings);
		// As arguments, so that they win over application.yml as the test's own do.
		String[] arguments = properties.entrySet()
			.stream()
			.map((entry) -> "--" + entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
		return new SpringApplicationBuilder(AgentgenApplication.class).run(arguments);
	}

}
