package dev.archon.ha;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.archon.api.wire.ha.BatchOperation;
import dev.archon.api.wire.ha.BatchRequest;
import dev.archon.api.wire.ha.BatchResponse;
import dev.archon.api.wire.ha.OperationResult;
import dev.archon.api.wire.ha.ServiceRequest;
import dev.archon.api.wire.ha.ServiceResult;
import dev.archon.api.wire.ha.StateChanged;
import dev.archon.api.wire.ha.StatesPage;
import dev.archon.ha.client.HomeAssistantConnection;
import dev.archon.ha.state.StateCache;
import dev.archon.sim.ha.demo.DemoRoutines;
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

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "archon.api.keys=" + TestSecrets.API_KEY)
@UsesRealServices
class HaBridgeIntegrationTests {

	@DynamicPropertySource
	static void homeAssistant(DynamicPropertyRegistry registry) {
		SimulatedHomeAssistant.connect(registry);
		registry.add("archon.ha.websocket.initial-backoff", () -> "50ms");
		registry.add("archon.ha.control.calls-per-second", () -> "1000");
	}

	@LocalServerPort
	int port;

	@Autowired
	StateCache cache;

	@Autowired
	HomeAssistantConnection connection;

	RestClient client;

	JsonMapper json = JsonMapper.builder().build();

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
	void cacheHoldsEveryStateOfHomeAssistant() {
		JsonNode expected = this.sim.states();
		StatesPage page = states("");
		assertThat(page.synchronised()).isTrue();
		assertThat(page.count()).isEqualTo(expected.size()).isEqualTo(page.states().size());
		String someId = expected.get(0).path("entity_id").asString();
		JsonNode one = get("/api/v1/ha/states/" + someId).getBody();
		assertThat(one.path("entity_id").asString()).isEqualTo(someId);
		assertThat(one.path("state").asString()).isEqualTo(this.sim.state(someId).path("state").asString());
		assertThat(page.states()).as("each state as Home Assistant sent it").contains(one);
	}

	@Test
	void filtersStatesByDomainAndText() {
		StatesPage lights = states("?domain=light");
		assertThat(lights.count()).isPositive();
		assertThat(lights.states())
			.allSatisfy((state) -> assertThat(state.path("entity_id").asString()).startsWith("light."));
		String someId = lights.states().get(0).path("entity_id").asString();
		StatesPage found = states("?q=" + someId.substring("light.".length()));
		assertThat(ids(found.states())).contains(someId);
	}

	@Test
	void filtersStatesByAreaFromTheRegistries() {
		// The light holds its area in the entity registry, the temperature sensor through
		// its device's; states carry no area at all.
		StatesPage kitchen = states("?area=kitchen");
		assertThat(ids(kitchen.states()))
			.contains(DemoRoutines.KITCHEN_LIGHT, "sensor.kitchen_temperature", DemoRoutines.COFFEE_MAKER_POWER)
			.doesNotContain(DemoRoutines.BEDROOM_LIGHT, "weather.home");
		assertThat(kitchen.states())
			.allSatisfy((state) -> assertThat(state.path("attributes").has("area_id")).isFalse());
		StatesPage byName = states("?area=Living Room&domain=light");
		assertThat(ids(byName.states())).contains(DemoRoutines.LIVING_ROOM_LIGHT)
			.allSatisfy((id) -> assertThat(id).startsWith("light.living_room"));
		assertThat(states("?area=nowhere").count()).isZero();
	}

	@Test
	void refusesInvalidEntityIdWith400AndUnknownWith404() {
		ResponseEntity<JsonNode> invalid = get("/api/v1/ha/states/light.double__underscore");
		assertThat(invalid.getStatusCode().value()).isEqualTo(400);
		assertThat(invalid.getHeaders().getContentType().toString()).contains("problem+json");
		assertThat(get("/api/v1/ha/states/_light.x").getStatusCode().value()).isEqualTo(400);
		ResponseEntity<JsonNode> unknown = get("/api/v1/ha/states/light.does_not_exist");
		assertThat(unknown.getStatusCode().value()).isEqualTo(404);
		assertThat(unknown.getBody().path("entityId").asString()).isEqualTo("light.does_not_exist");
	}

	@Test
	void serviceCallChangesStateAndAnswersChangedStates() {
		String light = firstOf("light");
		this.sim.callService("light", "turn_off", Map.of("entity_id", light));
		await().until(() -> "off".equals(this.cache.get(light).state()));
		ResponseEntity<ServiceResult> response = post("/api/v1/ha/services/light/turn_on",
				new ServiceRequest(this.json.valueToTree(Map.of("entity_id", List.of(light))),
						this.json.valueToTree(Map.of("brightness", 200))),
				ServiceResult.class);
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		List<JsonNode> changed = response.getBody().changedStates();
		assertThat(ids(changed)).containsExactly(light);
		assertThat(changed.get(0).path("state").asString()).isEqualTo("on");
		assertThat(response.getBody().tookMs()).isNotNegative();
		assertThat(this.sim.state(light).path("state").asString()).isEqualTo("on");
		await().until(() -> "on".equals(this.cache.get(light).state()));
	}

	@Test
	void streamsStateChangesOfTheAskedEntityOnly() throws Exception {
		String light = firstOf("light");
		String other = StreamSupport.stream(this.sim.states().spliterator(), false)
			.map((state) -> state.path("entity_id").asString())
			.filter((id) -> id.startsWith("light.") && !id.equals(light))
			.findFirst()
			.orElseThrow();
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/ha/events?entity_id=" + light))
			.header("Authorization", "Bearer " + TestSecrets.API_KEY)
			.header("Accept", "text/event-stream")
			.build();
		HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
		assertThat(response.statusCode()).isEqualTo(200);
		BlockingQueue<String> lines = new LinkedBlockingQueue<>();
		Thread reader = Thread.ofVirtual().start(() -> response.body().forEach(lines::add));
		try {
			this.sim.callService("light", "toggle", Map.of("entity_id", other));
			this.sim.callService("light", "toggle", Map.of("entity_id", light));
			String data = null;
			while (data == null) {
				String line = lines.poll(30, TimeUnit.SECONDS);
				assertThat(line).as("an event within 30 s").isNotNull();
				if (line.startsWith("data:")) {
					data = line;
				}
			}
			assertThat(data).contains("\"entity_id\":\"" + light + "\"").doesNotContain(other + "\"");
			StateChanged change = this.json.readValue(data.substring("data:".length()), StateChanged.class);
			assertThat(change.entityId()).isEqualTo(light);
			assertThat(change.newState().path("entity_id").asString()).isEqualTo(light);
			assertThat(change.oldState().path("state").asString())
				.isNotEqualTo(change.newState().path("state").asString());
		}
		finally {
			reader.interrupt();
			response.body().close();
		}
	}

	@Test
	void refusesServicesOffTheAllowList() {
		for (String path : List.of("homeassistant/stop", "homeassistant/restart", "hassio/host_reboot",
				"shell_command/anything", "notify/mobile")) {
			ResponseEntity<JsonNode> response = post("/api/v1/ha/services/" + path, Map.of());
			assertThat(response.getStatusCode().value()).as(path).isEqualTo(403);
			assertThat(response.getBody().path("type").asString()).endsWith("/forbidden");
		}
	}

	@Test
	void batchReportsEachOperationInOrderWithPartialFailures() {
		String light = firstOf("light");
		String aSwitch = firstOf("switch");
		ResponseEntity<BatchResponse> response = post("/api/v1/ha/batch",
				new BatchRequest(List.of(operation("light", "turn_on", light), operation("homeassistant", "stop", null),
						operation("light", "turn_on", "light.Not_Valid"), operation("switch", "turn_off", aSwitch)), 4),
				BatchResponse.class);
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		List<OperationResult> results = response.getBody().results();
		assertThat(results).extracting(OperationResult::index).containsExactly(0, 1, 2, 3);
		assertThat(results).extracting(OperationResult::status)
			.containsExactly(OperationResult.Status.OK, OperationResult.Status.FAILED, OperationResult.Status.FAILED,
					OperationResult.Status.OK);
		assertThat(results.get(0).changedStates()).isNotNull();
		assertThat(results.get(1).problem().getStatus()).isEqualTo(403);
		assertThat(results.get(2).problem().getStatus()).isEqualTo(400);
		assertThat(response.getBody().succeeded()).isEqualTo(2);
		assertThat(response.getBody().failed()).isEqualTo(2);
	}

	@Test
	void missesNoChangeAcrossADroppedWebSocket() {
		String light = firstOf("light");
		this.sim.fault(Map.of("mode", "drop-websocket"));
		// Changed while the bridge is disconnected or reconnecting.
		this.sim.callService("light", "toggle", Map.of("entity_id", light));
		String expected = this.sim.state(light).path("state").asString();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.cache.isSynchronised() && this.connection.isConnected()).isTrue());
		await().untilAsserted(() -> assertThat(this.cache.get(light).state()).isEqualTo(expected));
		// And the cache follows changes again after the reconnection.
		this.sim.callService("light", "toggle", Map.of("entity_id", light));
		String after = this.sim.state(light).path("state").asString();
		await().untilAsserted(() -> assertThat(this.cache.get(light).state()).isEqualTo(after));
	}

	@Test
	void patternAnalysisFindsTheRoutinesTheSimulatorPlanted() {
		ResponseEntity<JsonNode> response = get("/api/v1/ha/patterns?days=10&fresh=true");
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		JsonNode report = response.getBody();
		List<JsonNode> regularities = StreamSupport.stream(report.path("entities").spliterator(), false)
			.flatMap((entity) -> StreamSupport.stream(entity.path("regularities").spliterator(), false))
			.toList();
		// The routines that happen on most days with a narrow spread must all be found.
		List<DemoRoutines.TimedRoutine> strong = DemoRoutines.TIMED.stream()
			.filter((routine) -> routine.probability() >= 0.85 && routine.when() != DemoRoutines.When.WEEKENDS)
			.toList();
		assertThat(strong).isNotEmpty();
		for (DemoRoutines.TimedRoutine routine : strong) {
			assertThat(regularities).as(routine.toString()).anySatisfy((found) -> {
				assertThat(found.path("entityId").asString()).isEqualTo(routine.entityId());
				assertThat(found.path("state").asString()).isEqualTo(routine.state());
				LocalTime time = LocalTime.parse(found.path("time").asString());
				assertThat(Math.abs(Duration.between(routine.time(), time).toMinutes())).isLessThanOrEqualTo(15);
				if (routine.when() == DemoRoutines.When.WEEKDAYS) {
					assertThat(found.path("days").asString()).isIn("weekdays", "every day");
				}
			});
		}
		List<JsonNode> pairs = StreamSupport.stream(report.path("coOccurrences").spliterator(), false).toList();
		for (DemoRoutines.CoOccurrence planted : DemoRoutines.CO_OCCURRENCES) {
			if (planted.followerState() == null) {
				continue;
			}
			assertThat(pairs).as(planted.toString())
				.anySatisfy(
						(pair) -> assertThat(pair.path("trigger").asString() + ">" + pair.path("follower").asString())
							.isEqualTo(planted.triggerId() + ">" + planted.followerId()));
		}
		assertThat(report.path("suggestions")).anySatisfy((suggestion) -> {
			assertThat(suggestion.path("yaml").asString()).contains("light.turn_on").contains("light.kitchen");
			assertThat(suggestion.path("confidence").asDouble()).isBetween(0.5, 1.0);
		});
		ResponseEntity<JsonNode> again = get("/api/v1/ha/patterns?days=10");
		assertThat(again.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
		assertThat(again.getBody()).as("the report kept in Redis").isEqualTo(report);
	}

	@Test
	void createsASuggestedAutomationInHomeAssistant() {
		JsonNode suggestion = get("/api/v1/ha/patterns?days=10").getBody().path("suggestions").get(0);
		ResponseEntity<JsonNode> created = post("/api/v1/ha/automations", Map.of("config", suggestion.path("config")));
		assertThat(created.getStatusCode().value()).isEqualTo(201);
		assertThat(created.getBody().path("id").asString()).isEqualTo(suggestion.path("id").asString());
		ResponseEntity<JsonNode> refused = post("/api/v1/ha/automations",
				Map.of("config", Map.of("triggers", List.of(Map.of("trigger", "time", "at", "03:00:00")), "actions",
						List.of(Map.of("action", "homeassistant.restart")))));
		assertThat(refused.getStatusCode().value()).isEqualTo(403);
	}

	private String firstOf(String domain) {
		return StreamSupport.stream(this.sim.states().spliterator(), false)
			.map((state) -> state.path("entity_id").asString())
			.filter((id) -> id.startsWith(domain + "."))
			.sorted()
			.findFirst()
			.orElseThrow();
	}

	private static List<String> ids(Iterable<JsonNode> states) {
		return StreamSupport.stream(states.spliterator(), false)
			.map((state) -> state.path("entity_id").asString())
			.toList();
	}

	private BatchOperation operation(String domain, String service, @Nullable String entityId) {
		return new BatchOperation(domain, service,
				(entityId != null) ? this.json.valueToTree(Map.of("entity_id", entityId)) : null, null);
	}

	private StatesPage states(String query) {
		ResponseEntity<StatesPage> response = this.client.get()
			.uri("/api/v1/ha/states" + query)
			.retrieve()
			.toEntity(StatesPage.class);
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		return response.getBody();
	}

	private ResponseEntity<JsonNode> get(String path) {
		return this.client.get().uri(path).retrieve().toEntity(JsonNode.class);
	}

	private ResponseEntity<JsonNode> post(String path, Object body) {
		return post(path, body, JsonNode.class);
	}

	private <T> ResponseEntity<T> post(String path, Object body, Class<T> type) {
		return this.client.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toEntity(type);
	}

}
