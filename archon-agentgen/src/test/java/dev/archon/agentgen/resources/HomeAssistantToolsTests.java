package dev.archon.agentgen.resources;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.archon.test.python.AgentToolsModule;
import dev.archon.test.python.PythonTools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The library's Home Assistant tools, run with python3 against {@link SimulatedArchon},
 * which answers as archon-ha-bridge's controllers do. Each tool's code is taken from its
 * Markdown and embedded as the built-in templates embed it in {@code agent_tools.py}
 * ({@link AgentToolsModule}), and run by {@link PythonTools}.
 */
class HomeAssistantToolsTests {

	private static final Path LIBRARY = Path.of("../agent-resources");

	private static final Pattern JSON_SPAN = Pattern.compile("`(\\{[^`]*\\})`");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	static Path python;

	private static PythonTools tools;

	private final SimulatedArchon bridge = new SimulatedArchon()
		.entity("light.kitchen", "on", "Kitchen light", new SimulatedArchon.Area("kitchen", "Kitchen"),
				Map.of("brightness", 180))
		.entity("light.living_room", "off", "Living room light", new SimulatedArchon.Area("living_room", "Living Room"),
				Map.of())
		.entity("sensor.kitchen_temperature", "23.5", "Kitchen temperature",
				new SimulatedArchon.Area("kitchen", "Kitchen"), Map.of("unit_of_measurement", "°C"))
		.entity("climate.living_room", "heat", "Living room", new SimulatedArchon.Area("living_room", "Living Room"),
				Map.of("current_temperature", 19.5, "temperature", 20))
		.entity("person.ada", "home", "Ada", null, Map.of());

	HomeAssistantToolsTests() throws IOException {
	}

	@BeforeAll
	static void writeTheToolsModule() throws Exception {
		List<LibraryEntry> library = homeAssistantTools();
		assertThat(library).extracting(LibraryEntry::name).contains("ha_get_states", "ha_call_service");
		tools = PythonTools.of(python, AgentToolsModule.of(library.stream().map(LibraryEntry::code).toList()));
	}

	@AfterEach
	void stopTheBridge() {
		this.bridge.close();
	}

	@Test
	void getStatesListsTheEntitiesOfTheBridgesPage() throws Exception {
		String answer = run("ha_get_states", Map.of());
		assertThat(answer).contains("light.kitchen: on (Kitchen light)")
			.contains("light.living_room: off (Living room light)")
			.contains("sensor.kitchen_temperature: 23.5 °C (Kitchen temperature)")
			.contains("climate.living_room: heat (Living room)")
			.contains("person.ada: home (Ada)")
			.doesNotContain("stale");
		SimulatedArchon.Exchange request = this.bridge.exchanges().getLast();
		assertThat(request.path()).isEqualTo("/api/v1/ha/states");
		assertThat(request.query()).isEmpty();
		assertThat(request.authorization()).isEqualTo("Bearer " + SimulatedArchon.API_KEY);
	}

	@Test
	void getStatesLetsTheBridgeFilterByDomainAndArea() throws Exception {
		String lights = run("ha_get_states", Map.of("domain", "light"));
		assertThat(this.bridge.exchanges().getLast().query()).containsExactly(Map.entry("domain", "light"));
		assertThat(lights.lines()).hasSize(2).allSatisfy((line) -> assertThat(line).startsWith("light."));
		String kitchen = run("ha_get_states", Map.of("area", "Kitchen"));
		assertThat(this.bridge.exchanges().getLast().query()).containsExactly(Map.entry("area", "Kitchen"));
		assertThat(kitchen).contains("light.kitchen:", "sensor.kitchen_temperature:").doesNotContain("living_room");
		assertThat(run("ha_get_states", Map.of("domain", "lock"))).isEqualTo("No entities found.");
	}

	@Test
	void getStatesSaysWhenTheBridgeMayServeStaleStates() throws Exception {
		this.bridge.lostHomeAssistant();
		assertThat(run("ha_get_states", Map.of("domain", "person"))).startsWith("person.ada: home (Ada)")
			.contains("may be stale");
	}

	@Test
	void callServiceSendsATargetAndDataThatReachHomeAssistant() throws Exception {
		String answer = run("ha_call_service", Map.of("domain", "light", "service", "turn_on", "entity_id",
				"light.living_room", "data", Map.of("brightness_pct", 50)));
		SimulatedArchon.Exchange request = this.bridge.exchanges().getLast();
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/api/v1/ha/services/light/turn_on");
		assertThat(request.authorization()).isEqualTo("Bearer " + SimulatedArchon.API_KEY);
		assertThat(request.contentType()).startsWith("application/json");
		assertThat(request.json()).isEqualTo(
				JSON.readTree("{\"target\":{\"entity_id\":[\"light.living_room\"]},\"data\":{\"brightness_pct\":50}}"));
		assertThat(this.bridge.calls()).singleElement().satisfies((call) -> {
			assertThat(call.entityIds()).containsExactly("light.living_room");
			assertThat(call.data().path("brightness_pct").asInt()).isEqualTo(50);
		});
		assertThat(answer).contains("light.living_room is now on");
	}

	@Test
	void callServiceSaysWhenNothingChanged() throws Exception {
		String answer = run("ha_call_service",
				Map.of("domain", "light", "service", "turn_on", "entity_id", "light.kitchen"));
		assertThat(this.bridge.calls()).singleElement()
			.satisfies((call) -> assertThat(call.entityIds()).containsExactly("light.kitchen"));
		assertThat(answer).contains("No state changed");
	}

	@Test
	void errorAnswersSurfaceTheProblemDetail() throws Exception {
		String refused = run("ha_call_service",
				Map.of("domain", "homeassistant", "service", "stop", "entity_id", "light.kitchen"));
		assertThat(refused).contains("HTTP 403")
			.contains("The service homeassistant.stop is not on the allow-list of this bridge");
		String invalid = run("ha_call_service",
				Map.of("domain", "light", "service", "turn_on", "entity_id", "light.kitchen__main"));
		assertThat(invalid).contains("HTTP 400").contains("'light.kitchen__main' is not a valid entity id");
		assertThat(this.bridge.calls()).isEmpty();
		String unauthorised = run("ha_get_states", Map.of(), Map.of("HA_BRIDGE_API_KEY", "wrong-key"));
		assertThat(unauthorised).contains("HTTP 401").contains("The API key you sent is not valid.");
	}

	@Test
	void callServiceRefusesAServiceNameThatWouldLeaveTheServicesEndpoint() throws Exception {
		String answer = run("ha_call_service",
				Map.of("domain", "..", "service", "batch", "entity_id", "light.kitchen"));
		assertThat(answer).contains("is not a service");
		assertThat(this.bridge.exchanges()).isEmpty();
	}

	@Test
	void theExampleShowsOnlyServiceBodiesThatNameTheirTarget() throws Exception {
		LibraryEntry example = AgentResources.read(LIBRARY.resolve("examples/home_assistant_agent.md"));
		assertThat(example).isNotNull();
		List<String> bodies = new ArrayList<>();
		Matcher spans = JSON_SPAN.matcher(example.body());
		while (spans.find()) {
			if (spans.group(1).contains("entity_id")) {
				bodies.add(spans.group(1));
			}
		}
		assertThat(bodies).as("the service-call bodies the example shows").isNotEmpty();
		HttpClient http = HttpClient.newHttpClient();
		for (String body : bodies) {
			try {
				JSON.readTree(body);
			}
			catch (JacksonException ex) {
				fail("The example shows a body that is not JSON: " + body);
			}
			int before = this.bridge.calls().size();
			HttpResponse<String> response = http
				.send(HttpRequest.newBuilder(URI.create(this.bridge.url() + "/api/v1/ha/services/light/turn_on"))
					.header("Authorization", "Bearer " + SimulatedArchon.API_KEY)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(body).isEqualTo(200);
			assertThat(this.bridge.calls()).hasSize(before + 1);
			assertThat(this.bridge.calls().getLast().entityIds()).as("what the bridge targets with " + body)
				.isNotEmpty();
		}
	}

	private String run(String tool, Map<String, ?> arguments) throws Exception {
		return run(tool, arguments, Map.of());
	}

	private String run(String tool, Map<String, ?> arguments, Map<String, String> environment) {
		Map<String, String> bridge = new HashMap<>(
				Map.of("HA_BRIDGE_URL", this.bridge.url(), "HA_BRIDGE_API_KEY", SimulatedArchon.API_KEY));
		bridge.putAll(environment);
		PythonTools.Run run = tools.run(tool, arguments, bridge);
		assertThat(run.returned()).as("%s(%s) failed:%n%s", tool, arguments, run.errors()).isTrue();
		return run.output();
	}

	private static List<LibraryEntry> homeAssistantTools() {
		return AgentResources.load(List.of(LIBRARY))
			.entries()
			.stream()
			.filter((entry) -> entry.kind().equals("tool") && entry.name().startsWith("ha_"))
			.toList();
	}

}
