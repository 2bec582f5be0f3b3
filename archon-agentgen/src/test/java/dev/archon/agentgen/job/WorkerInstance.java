package dev.archon.agentgen.job;

import java.util.HashMap;
import java.util.Map;

import dev.archon.agentgen.AgentgenApplication;
import dev.archon.agentgen.llm.SimulatedProviders;
import dev.archon.test.RealServices;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second agentgen instance in the test's JVM, with workers, on the real PostgreSQL and
 * Redis and the shared simulated providers: what another process of the cluster would be.
 */
final class WorkerInstance {

	private WorkerInstance() {
	}

	/**
	 * Starts an instance.
	 * @param settings properties that differ from the defaults here, such as the poll
	 * interval or a Redis Cluster's nodes
	 * @return the running instance, to be closed by the test
	 */
	static ConfigurableApplicationContext start(Map<String, String> settings) {
		Map<String, Object> properties = new HashMap<>(RealServices.get().springProperties());
		properties.put("server.port", "0");
		properties.put("management.server.port", "0");
		properties.put("archon.api.keys", "test-key");
		properties.put("archon.llm.profile", "sim");
		properties.put("archon.llm.sim-url", SimulatedProviders.shared().baseUrl());
		properties.put("archon.agentgen.jobs.workers", "2");
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
