package dev.archon.ha;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.archon.ha.state.StateCache;
import dev.archon.test.UsesRealServices;
import dev.archon.test.secrets.TestSecrets;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Home Assistant token never leaves the bridge: no answer of any kind (states, calls
 * that succeed, that the bridge refuses, that Home Assistant refuses or fails, batches,
 * automations, errors) carries it in a header or the body, and no line the bridge logs
 * meanwhile holds it, from its start through a lost and renewed connection.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "archon.api.keys=" + TestSecrets.API_KEY)
@UsesRealServices
@ExtendWith(OutputCaptureExtension.class)
class TokenSecrecyIntegrationTests {

	@DynamicPropertySource
	static void homeAssistant(DynamicPropertyRegistry registry) {
		SimulatedHomeAssistant.connect(registry);
		registry.add("archon.ha.websocket.initial-backoff", () -> "50ms");
	}

	@LocalServerPort
	int port;

	@Autowired
	StateCache cache;

	SimulatedHomeAssistant sim = SimulatedHomeAssistant.get();

	@Test
	void tokenReachesNoAnswerAndNoLogLine(CapturedOutput output) {
		RestClient client = BridgeApi.client(this.port);
		await().atMost(Duration.ofSeconds(60)).until(this.cache::isSynchronised);
		String light = StreamSupport.stream(this.sim.states().spliterator(), false)
			.map((state) -> state.path("entity_id").asString())
			.filter((id) -> id.startsWith("light."))
			.findFirst()
			.orElseThrow();
		List<ResponseEntity<String>> answers = new ArrayList<>();

		answers.add(exchange(client, HttpMethod.GET, "/api/v1/ha/states", null));
		answers.add(exchange(client, HttpMethod.GET, "/api/v1/ha/states/" + light, null));
		answers.add(exchange(client, HttpMethod.GET, "/api/v1/ha/states/light.not_there", null));
		answers.add(exchange(client, HttpMethod.POST, "/api/v1/ha/services/light/turn_on",
				Map.of("target", Map.of("entity_id", light))));
		answers.add(exchange(client, HttpMethod.POST, "/api/v1/ha/services/homeassistant/stop", null));
		answers.add(exchange(client, HttpMethod.POST, "/api/v1/ha/services/light/no_such_service",
				Map.of("target", Map.of("entity_id", light))));
		answers.add(exchange(client, HttpMethod.POST, "/api/v1/ha/batch", Map.of("operations",
				List.of(Map.of("domain", "light", "service", "toggle"), Map.of("domain", "hassio", "service", "x")))));
		answers.add(exchange(client, HttpMethod.POST, "/api/v1/ha/automations",
				Map.of("config", Map.of("triggers", List.of(Map.of("trigger", "time", "at", "07:00:00")), "actions",
						List.of(Map.of("action", "light.turn_on"))))));
		answers.add(exchange(client, HttpMethod.POST, "/api/v1/ha/automations", Map.of("config", "not an automation")));
		this.sim.fault(Map.of("mode", "error", "rate", 1.0));
		try {
			answers.add(exchange(client, HttpMethod.POST, "/api/v1/ha/services/light/toggle",
					Map.of("target", Map.of("entity_id", light))));
		}
		finally {
			this.sim.clearFaults();
		}
		this.sim.fault(Map.of("mode", "drop-websocket"));
		await().atMost(Duration.ofSeconds(30)).until(() -> output.getAll().contains("Lost the connection"));
		await().atMost(Duration.ofSeconds(30)).until(this.cache::isSynchronised);

		assertThat(answers).extracting((answer) -> answer.getStatusCode().value())
			.as("the answers of every kind that the test meant to provoke")
			.contains(200, 201, 400, 403, 404, 502);
		assertThat(answers).allSatisfy((answer) -> {
			assertThat(answer.getHeaders().toString()).doesNotContain(SimulatedHomeAssistant.TOKEN);
			assertThat(String.valueOf(answer.getBody())).doesNotContain(SimulatedHomeAssistant.TOKEN);
		});
		assertThat(output.getAll()).contains("Connected to Home Assistant")
			.doesNotContain(SimulatedHomeAssistant.TOKEN);
	}

	private static ResponseEntity<String> exchange(RestClient client, HttpMethod method, String path, Object body) {
		RestClient.RequestBodySpec request = client.method(method).uri(path);
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(body);
		}
		return request.retrieve().toEntity(String.class);
	}

}
