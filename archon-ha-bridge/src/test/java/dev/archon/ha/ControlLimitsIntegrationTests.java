package dev.archon.ha;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.archon.ha.state.StateCache;
import dev.archon.test.UsesRealServices;
import dev.archon.test.secrets.TestSecrets;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The limits toward Home Assistant: a low rate limit that refuses without waiting, and a
 * circuit breaker that stays open once it opens.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "archon.api.keys=" + TestSecrets.API_KEY, "archon.ha.control.calls-per-second=5",
				"archon.ha.control.rate-limit-wait=0ms", "archon.ha.control.open-for=1h" })
@UsesRealServices
class ControlLimitsIntegrationTests {

	@DynamicPropertySource
	static void homeAssistant(DynamicPropertyRegistry registry) {
		SimulatedHomeAssistant.connect(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	StateCache cache;

	RestClient client;

	SimulatedHomeAssistant sim = SimulatedHomeAssistant.get();

	@BeforeEach
	void connect() {
		this.client = BridgeApi.client(this.port);
		await().atMost(Duration.ofSeconds(60)).until(this.cache::isSynchronised);
	}

	@AfterEach
	void clearFaults() {
		this.sim.clearFaults();
	}

	@Test
	void refusesCallsAboveTheRateLimitWith429() throws Exception {
		String light = firstLight();
		List<Integer> statuses = new ArrayList<>();
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<ResponseEntity<JsonNode>>> calls = new ArrayList<>();
			for (int i = 0; i < 30; i++) {
				calls.add(executor.submit(() -> turnOn(light)));
			}
			for (Future<ResponseEntity<JsonNode>> call : calls) {
				ResponseEntity<JsonNode> response = call.get();
				statuses.add(response.getStatusCode().value());
				if (response.getStatusCode().value() == 429) {
					assertThat(response.getHeaders().getFirst("Retry-After")).isNotBlank();
					assertThat(response.getBody().path("type").asString()).endsWith("/too-many-requests");
				}
			}
		}
		assertThat(statuses).contains(429);
	}

	@Test
	void opensTheCircuitWhenHomeAssistantKeepsFailing() throws Exception {
		String light = firstLight();
		this.sim.fault(Map.of("mode", "error", "rate", 1.0));
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 30 && !statuses.contains(503); i++) {
			// Paced below the rate limit, so that only Home Assistant's failures count.
			Thread.sleep(250);
			statuses.add(turnOn(light).getStatusCode().value());
		}
		assertThat(statuses).contains(502);
		assertThat(statuses.get(statuses.size() - 1)).isEqualTo(503);
		this.sim.clearFaults();
		Thread.sleep(250);
		ResponseEntity<JsonNode> stillOpen = turnOn(light);
		assertThat(stillOpen.getStatusCode().value()).isEqualTo(503);
		assertThat(stillOpen.getBody().path("type").asString()).endsWith("/service-unavailable");
	}

	private ResponseEntity<JsonNode> turnOn(String light) {
		return this.client.post()
			.uri("/api/v1/ha/services/light/turn_on")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("target", Map.of("entity_id", light)))
			.retrieve()
			.toEntity(JsonNode.class);
	}

	private String firstLight() {
		return StreamSupport.stream(this.sim.states().spliterator(), false)
			.map((state) -> state.path("entity_id").asString())
			.filter((id) -> id.startsWith("light."))
			.sorted()
			.findFirst()
			.orElseThrow();
	}

}
