package dev.archon.ha;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.archon.api.wire.ha.BatchOperation;
import dev.archon.api.wire.ha.BatchRequest;
import dev.archon.api.wire.ha.BatchResponse;
import dev.archon.api.wire.ha.OperationResult;
import dev.archon.api.wire.ha.ServiceRequest;
import dev.archon.api.wire.ha.StatesPage;
import dev.archon.test.UsesRealServices;
import dev.archon.test.secrets.TestSecrets;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Home Assistant drops the WebSocket, then is down for a while, then comes back: the
 * bridge keeps serving its last known states and says how stale they are, refuses
 * commands at once with 503 rather than letting them wait on its timeouts, and
 * resynchronises with the Home Assistant that comes back.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "archon.api.keys=" + TestSecrets.API_KEY, "archon.ha.websocket.initial-backoff=50ms",
				"archon.ha.websocket.max-backoff=500ms", "archon.ha.websocket.command-timeout=2m",
				"archon.ha.control.rest-timeout=2m" })
@UsesRealServices
class HomeAssistantOutageIntegrationTests {

	/**
	 * Far below the bridge's command and REST timeouts: an answer within it was not
	 * waiting on either.
	 */
	private static final Duration PATIENCE = Duration.ofSeconds(15);

	private static SimulatedHomeAssistant sim;

	@DynamicPropertySource
	static void homeAssistant(DynamicPropertyRegistry registry) {
		SimulatedHomeAssistant.connect(registry, HomeAssistantOutageIntegrationTests::sim);
	}

	private static synchronized SimulatedHomeAssistant sim() {
		if (sim == null) {
			sim = SimulatedHomeAssistant.startOwn();
		}
		return sim;
	}

	@AfterAll
	static void stopSimulator() {
		sim().stop();
	}

	@LocalServerPort
	int port;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void servesStaleStatesHonestlyRefusesCommandsFastAndResynchronisesAfterAnOutage() {
		RestClient client = BridgeApi.client(this.port, PATIENCE);
		await().atMost(Duration.ofSeconds(60)).until(() -> states(client).synchronised());
		String light = StreamSupport.stream(sim().states().spliterator(), false)
			.map((state) -> state.path("entity_id").asString())
			.filter((id) -> id.startsWith("light."))
			.findFirst()
			.orElseThrow();

		sim().fault(Map.of("mode", "drop-websocket"));
		sim().stop();

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			StatesPage page = states(client);
			assertThat(page.stale()).isTrue();
			assertThat(page.synchronised()).isFalse();
			assertThat(page.ageSeconds()).as("the age of the copy, which grows").isPositive();
			assertThat(page.states()).as("the last known states, still served").isNotEmpty();
		});
		ResponseEntity<JsonNode> one = client.get()
			.uri("/api/v1/ha/states/{id}", light)
			.retrieve()
			.toEntity(JsonNode.class);
		assertThat(one.getStatusCode().value()).isEqualTo(200);
		assertThat(one.getHeaders().getFirst(HttpHeaders.AGE)).isNotBlank();

		ResponseEntity<JsonNode> refused = turnOn(client, light);
		assertThat(refused.getStatusCode().value()).isEqualTo(503);
		assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
		assertThat(refused.getBody().path("type").asString()).endsWith("/service-unavailable");
		assertThat(refused.getBody().path("detail").asString()).contains("cannot be reached");
		BatchResponse batch = client.post()
			.uri("/api/v1/ha/batch")
			.contentType(MediaType.APPLICATION_JSON)
			.body(new BatchRequest(List
				.of(new BatchOperation("light", "turn_off", this.json.valueToTree(Map.of("entity_id", light)), null)),
					null))
			.retrieve()
			.body(BatchResponse.class);
		assertThat(batch.results()).singleElement()
			.satisfies((result) -> assertThat(result.status()).isEqualTo(OperationResult.Status.FAILED))
			.satisfies((result) -> assertThat(result.problem().getStatus()).isEqualTo(503));

		sim().restart();

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			StatesPage page = states(client);
			assertThat(page.synchronised()).isTrue();
			assertThat(page.stale()).isFalse();
			assertThat(page.ageSeconds()).isZero();
			assertThat(byEntity(page.states())).as("the states of the Home Assistant that came back")
				.isEqualTo(byEntity(sim().states()));
		});
		ResponseEntity<JsonNode> accepted = turnOn(client, light);
		assertThat(accepted.getStatusCode().value()).isEqualTo(200);
	}

	private static Map<String, String> byEntity(Iterable<JsonNode> states) {
		return StreamSupport.stream(states.spliterator(), false)
			.collect(Collectors.toMap((state) -> state.path("entity_id").asString(),
					(state) -> state.path("state").asString()));
	}

	private ResponseEntity<JsonNode> turnOn(RestClient client, String light) {
		return client.post()
			.uri("/api/v1/ha/services/light/turn_on")
			.contentType(MediaType.APPLICATION_JSON)
			.body(new ServiceRequest(this.json.valueToTree(Map.of("entity_id", light)), null))
			.retrieve()
			.toEntity(JsonNode.class);
	}

	private StatesPage states(RestClient client) {
		return client.get().uri("/api/v1/ha/states").retrieve().body(StatesPage.class);
	}

}
