package dev.archon.ha;

import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.archon.sim.SimApplication;
import dev.archon.test.InProcessSimulator;
import dev.archon.test.secrets.TestSecrets;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * archon-sim's Home Assistant, started in this JVM once for all the tests that need it,
 * or on its own for a test that takes it away.
 */
public final class SimulatedHomeAssistant {

	static final String TOKEN = TestSecrets.SIMULATOR_TOKEN;

	private static volatile SimulatedHomeAssistant instance;

	private final int port;

	private final String url;

	private final RestClient client;

	private @Nullable ConfigurableApplicationContext context;

	private SimulatedHomeAssistant() {
		ConfigurableApplicationContext started = run(0);
		this.port = Integer.parseInt(started.getEnvironment().getRequiredProperty("local.server.port"));
		this.context = started;
		this.url = "http://localhost:" + this.port;
		this.client = RestClient.builder().baseUrl(this.url).defaultHeader("Authorization", "Bearer " + TOKEN).build();
	}

	/**
	 * A simulator of the test's own, which it may stop and restart without disturbing the
	 * tests that share the other.
	 * @return the started simulator
	 */
	static SimulatedHomeAssistant startOwn() {
		return new SimulatedHomeAssistant();
	}

	/**
	 * Stops the simulator, so that its port refuses connections as a Home Assistant that
	 * is down does.
	 */
	synchronized void stop() {
		if (this.context != null) {
			this.context.close();
			this.context = null;
		}
	}

	/**
	 * Starts the simulator again on the same port, as a restarted Home Assistant, with
	 * its demo home afresh.
	 */
	synchronized void restart() {
		stop();
		this.context = run(this.port);
	}

	private static ConfigurableApplicationContext run(int port) {
		String[] arguments = Stream.of(InProcessSimulator.arguments(TOKEN))
			.map((argument) -> argument.startsWith("--server.port=") ? "--server.port=" + port : argument)
			.toArray(String[]::new);
		return new SpringApplicationBuilder(SimApplication.class).run(arguments);
	}

	/**
	 * Points the bridge under test at the simulator, with a shared Redis copy of its own
	 * so that no other test's states reach it.
	 * @param registry the test's properties
	 */
	static void connect(DynamicPropertyRegistry registry) {
		connect(registry, SimulatedHomeAssistant::get);
	}

	/**
	 * Points the bridge under test at a simulator of its own.
	 * @param registry the test's properties
	 * @param simulator the simulator, started when the bridge first needs it
	 */
	static void connect(DynamicPropertyRegistry registry, Supplier<SimulatedHomeAssistant> simulator) {
		registry.add("archon.ha.url", () -> simulator.get().url());
		registry.add("archon.ha.token", () -> TOKEN);
		registry.add("archon.ha.cache.redis-key", () -> "archon:ha:test:" + UUID.randomUUID());
	}

	static synchronized SimulatedHomeAssistant get() {
		if (instance == null) {
			instance = new SimulatedHomeAssistant();
		}
		return instance;
	}

	String url() {
		return this.url;
	}

	JsonNode states() {
		return this.client.get().uri("/api/states").retrieve().body(JsonNode.class);
	}

	JsonNode state(String entityId) {
		return this.client.get().uri("/api/states/{id}", entityId).retrieve().body(JsonNode.class);
	}

	JsonNode callService(String domain, String service, Map<String, Object> data) {
		return this.client.post()
			.uri("/api/services/{domain}/{service}", domain, service)
			.contentType(MediaType.APPLICATION_JSON)
			.body(data)
			.retrieve()
			.body(JsonNode.class);
	}

	void saveAutomation(String id, Map<String, Object> config) {
		this.client.post()
			.uri("/api/config/automation/config/{id}", id)
			.contentType(MediaType.APPLICATION_JSON)
			.body(config)
			.retrieve()
			.toBodilessEntity();
	}

	@Nullable JsonNode automation(String id) {
		try {
			return this.client.get().uri("/api/config/automation/config/{id}", id).retrieve().body(JsonNode.class);
		}
		catch (HttpClientErrorException.NotFound ex) {
			return null;
		}
	}

	void fault(Map<String, Object> fault) {
		this.client.post()
			.uri("/_sim/ha/faults")
			.contentType(MediaType.APPLICATION_JSON)
			.body(fault)
			.retrieve()
			.toBodilessEntity();
	}

	void clearFaults() {
		this.client.delete().uri("/_sim/ha/faults").retrieve().toBodilessEntity();
	}

}
