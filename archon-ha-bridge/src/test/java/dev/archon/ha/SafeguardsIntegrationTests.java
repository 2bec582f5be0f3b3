package dev.archon.ha;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.archon.api.wire.ha.BatchOperation;
import dev.archon.api.wire.ha.BatchRequest;
import dev.archon.api.wire.ha.BatchResponse;
import dev.archon.api.wire.ha.OperationResult;
import dev.archon.sim.ha.demo.DemoRoutines;
import dev.archon.test.UsesRealServices;
import dev.archon.test.http.PathSpellings;
import dev.archon.test.http.RawHttp;
import dev.archon.test.secrets.TestSecrets;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the bridge refuses to let a caller do to the home: services the allow-list
 * refuses, however the path or a batch spells them; automations that name such a service,
 * or one that cannot be checked; scripts that are not named in the settings; and
 * replacing an automation that Archon did not create.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "archon.api.keys=" + TestSecrets.API_KEY, "archon.ha.control.allowed-scripts=good_night" })
@UsesRealServices
class SafeguardsIntegrationTests {

	private static final List<Map<String, Object>> TRIGGERS = List.of(Map.of("trigger", "time", "at", "07:00:00"));

	@DynamicPropertySource
	static void homeAssistant(DynamicPropertyRegistry registry) {
		SimulatedHomeAssistant.connect(registry);
	}

	@LocalServerPort
	int port;

	RestClient client;

	JsonMapper json = JsonMapper.builder().build();

	SimulatedHomeAssistant sim = SimulatedHomeAssistant.get();

	@BeforeEach
	void connect() {
		this.client = BridgeApi.client(this.port);
	}

	@Test
	void refusesTheAutomationThatHidHomeAssistantStopInAList() {
		// Accepted with 201 before: 'action' was no string, so 'service' was checked.
		String probe = "{\"config\":{\"actions\":[{\"action\":[\"homeassistant.stop\"],\"service\":\"light.turn_on\"}]}}";
		ResponseEntity<JsonNode> refused = postAutomation(probe, false);
		assertProblem(refused, 400, "/validation", "actions[0].action");
		String id = "probe_" + suffix();
		ResponseEntity<JsonNode> withTrigger = postAutomation(Map.of("id", id, "triggers", TRIGGERS, "actions",
				List.of(Map.of("action", List.of("homeassistant.stop"), "service", "light.turn_on"))), false);
		assertProblem(withTrigger, 400, "/validation", "actions[0].action");
		assertThat(this.sim.automation(id)).isNull();
	}

	@Test
	void refusesForbiddenServicesHoweverTheyAreNestedOrSpelled() {
		Map<String, Object> choose = Map.of("choose",
				List.of(Map.of("conditions", List.of(), "sequence", List.of(Map.of("action", "HomeAssistant.Stop")))));
		Map<String, Object> ifElse = Map.of("if", List.of(), "then", List.of(Map.of("action", "light.turn_on")), "else",
				List.of(Map.of("service", " homeassistant.stop ")));
		Map<String, Object> parallel = Map.of("parallel",
				List.of(Map.of("sequence", List.of(Map.of("service", "homeassistant.stop")))));
		Map<Map<String, Object>, String> paths = Map.of(choose, "actions[0].choose[0].sequence[0].action", ifElse,
				"actions[0].else[0].service", parallel, "actions[0].parallel[0].sequence[0].service");
		paths.forEach((action, path) -> {
			String id = "nested_" + suffix();
			ResponseEntity<JsonNode> refused = postAutomation(
					Map.of("id", id, "triggers", TRIGGERS, "actions", List.of(action)), false);
			assertProblem(refused, 403, "/forbidden", path);
			assertThat(refused.getBody().path("service").asString()).isEqualTo("homeassistant.stop");
			assertThat(this.sim.automation(id)).as(path).isNull();
		});
	}

	@Test
	void refusesServicesChosenByTemplates() {
		ResponseEntity<JsonNode> refused = postAutomation(
				Map.of("triggers", TRIGGERS, "actions",
						List.of(Map.of("action", "light.turn_on"), Map.of("action", "{{ 'homeassistant' }}.stop"))),
				false);
		assertProblem(refused, 400, "/validation", "actions[1].action");
	}

	@Test
	void refusesToReplaceAnAutomationArchonDidNotCreate() {
		String id = "by_hand_" + suffix();
		this.sim.saveAutomation(id, Map.of("alias", "Porch at dusk", "description", "Made by hand", "triggers",
				TRIGGERS, "actions", List.of(Map.of("action", "light.turn_on"))));
		Map<String, Object> replacement = Map.of("id", id, "triggers", TRIGGERS, "actions",
				List.of(Map.of("action", "light.turn_off")));

		ResponseEntity<JsonNode> refused = postAutomation(replacement, false);

		assertProblem(refused, 409, "/conflict", null);
		assertThat(refused.getBody().path("automationId").asString()).isEqualTo(id);
		assertThat(refused.getBody().path("detail").asString()).contains("replace=true");
		assertThat(this.sim.automation(id).path("description").asString()).isEqualTo("Made by hand");

		ResponseEntity<JsonNode> replaced = postAutomation(replacement, true);

		assertThat(replaced.getStatusCode().value()).isEqualTo(200);
		assertThat(replaced.getBody().path("replaced").asBoolean()).isTrue();
		JsonNode saved = this.sim.automation(id);
		assertThat(saved.at("/actions/0/action").asString()).isEqualTo("light.turn_off");
		assertThat(saved.path("description").asString()).isEqualTo("Created by Archon.");
	}

	@Test
	void replacesAnAutomationItCreatedWithoutBeingAsked() {
		String id = "archon_test_" + suffix();
		ResponseEntity<JsonNode> created = postAutomation(Map.of("id", id, "description", "Porch at dusk", "triggers",
				TRIGGERS, "actions", List.of(Map.of("action", " Light.Turn_On "))), false);
		assertThat(created.getStatusCode().value()).isEqualTo(201);
		assertThat(created.getHeaders().getLocation()).hasPath("/api/v1/ha/automations/" + id);
		assertThat(created.getBody().path("replaced").asBoolean()).isFalse();
		JsonNode saved = this.sim.automation(id);
		assertThat(saved.path("description").asString()).isEqualTo("Porch at dusk\n\nCreated by Archon.");
		assertThat(saved.at("/actions/0/action").asString()).as("the name as checked").isEqualTo("light.turn_on");

		ResponseEntity<JsonNode> again = postAutomation(Map.of("id", id, "description", saved.path("description"),
				"triggers", TRIGGERS, "actions", List.of(Map.of("action", "light.turn_off"))), false);

		assertThat(again.getStatusCode().value()).isEqualTo(200);
		assertThat(this.sim.automation(id).path("description").asString())
			.isEqualTo("Porch at dusk\n\nCreated by Archon.");
	}

	@Test
	void runsNoScriptThatTheSettingsDoNotName() {
		for (String path : List.of("script/stop_everything", "script/reload", "script/turn_on")) {
			ResponseEntity<JsonNode> refused = post("/api/v1/ha/services/" + path,
					Map.of("target", Map.of("entity_id", "script.stop_everything")));
			assertThat(refused.getStatusCode().value()).as(path).isEqualTo(403);
			assertThat(refused.getBody().path("detail").asString()).contains("archon.ha.control.allowed-scripts");
		}
		ResponseEntity<JsonNode> mixed = post("/api/v1/ha/services/script/toggle", Map.of("target",
				Map.of("entity_id", "script.good_night"), "data", Map.of("entity_id", "script.stop_everything")));
		assertThat(mixed.getStatusCode().value()).isEqualTo(403);
		ResponseEntity<JsonNode> byArea = post("/api/v1/ha/services/script/turn_on",
				Map.of("target", Map.of("area_id", "bedroom")));
		assertThat(byArea.getStatusCode().value()).isEqualTo(403);
		// The simulator has no scripts: a named one passes the bridge and Home Assistant
		// answers for it.
		ResponseEntity<JsonNode> named = post("/api/v1/ha/services/script/turn_on",
				Map.of("target", Map.of("entity_id", "script.good_night")));
		assertThat(named.getStatusCode().value()).isNotEqualTo(403);
		assertThat(named.getBody().path("type").asString()).doesNotEndWith("/forbidden");
	}

	@Test
	void refusesRefusedServicesUnderEveryPathSpelling() throws IOException {
		for (String name : Spellings.REFUSED_SERVICES) {
			String[] parts = name.split("\\.");
			List<String> paths = Stream
				.concat(PathSpellings.of("/api/v1/ha/services/" + parts[0] + "/" + parts[1]).stream(),
						Combinators.combine(Spellings.encoded(parts[0]), Spellings.encoded(parts[1]))
							.as((domain, service) -> "/api/v1/ha/services/" + domain + "/" + service)
							.sampleStream()
							.limit(20))
				.toList();
			for (String path : paths) {
				RawHttp.Response answer = RawHttp.send(this.port, "POST", path,
						"Authorization: Bearer " + TestSecrets.API_KEY, "Content-Length: 0");
				assertThat(answer.status()).as(path).isBetween(400, 499);
				assertThat(answer.body()).as("refused by the bridge, not by Home Assistant: %s", path)
					.doesNotContain("\"outcome\"");
			}
		}
	}

	@Test
	void refusesRefusedServicesInsideABatchHoweverSpelled() {
		List<BatchOperation> refused = Arbitraries.of(Spellings.REFUSED_SERVICES).flatMap((name) -> {
			String[] parts = name.split("\\.");
			return Combinators.combine(Spellings.of(parts[0]), Spellings.of(parts[1]))
				.as((domain, service) -> new BatchOperation(domain, service, null, null));
		}).sampleStream().limit(50).toList();
		List<BatchOperation> operations = Stream.concat(refused.stream(), Stream.of(new BatchOperation("light",
				"turn_on", this.json.valueToTree(Map.of("entity_id", DemoRoutines.KITCHEN_LIGHT)), null)))
			.toList();

		BatchResponse batch = this.client.post()
			.uri("/api/v1/ha/batch")
			.contentType(MediaType.APPLICATION_JSON)
			.body(new BatchRequest(operations, null))
			.retrieve()
			.body(BatchResponse.class);

		assertThat(batch.results()).hasSize(operations.size());
		assertThat(batch.results().subList(0, refused.size())).allSatisfy((result) -> {
			assertThat(result.status()).isEqualTo(OperationResult.Status.FAILED);
			// The bridge's own refusals, not an answer of Home Assistant's.
			assertThat(result.problem().getType().getPath()).as(result.domain() + "." + result.service())
				.isIn("/problems/validation", "/problems/forbidden");
		});
		assertThat(batch.results().get(refused.size())).as("the one allowed operation")
			.satisfies((result) -> assertThat(result.status()).as(String.valueOf(result.problem()))
				.isEqualTo(OperationResult.Status.OK));
	}

	private static void assertProblem(ResponseEntity<JsonNode> response, int status, String type,
			@Nullable String path) {
		assertThat(response.getStatusCode().value()).isEqualTo(status);
		assertThat(response.getHeaders().getContentType().toString()).contains("problem+json");
		assertThat(response.getBody().path("type").asString()).endsWith(type);
		if (path != null) {
			assertThat(response.getBody().path("path").asString()).isEqualTo(path);
			assertThat(response.getBody().path("detail").asString()).startsWith(path + ":");
		}
	}

	private static String suffix() {
		return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

	private ResponseEntity<JsonNode> postAutomation(Object config, boolean replace) {
		Object body = (config instanceof String text) ? text : Map.of("config", config);
		return this.client.post()
			.uri("/api/v1/ha/automations?replace={replace}", replace)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toEntity(JsonNode.class);
	}

	private ResponseEntity<JsonNode> post(String path, Object body) {
		return this.client.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toEntity(JsonNode.class);
	}

}
