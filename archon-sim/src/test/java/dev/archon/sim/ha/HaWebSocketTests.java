package dev.archon.sim.ha;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.archon.sim.ha.demo.DemoRoutines;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@HaSimTest
class HaWebSocketTests {

	@LocalServerPort
	private int port;

	private HaClient client;

	@BeforeEach
	void client() {
		this.client = new HaClient(this.port);
	}

	@Test
	void acceptsAuthSentBeforeAuthRequired() {
		try (HaClient.Socket socket = this.client.connect()) {
			socket.send("{\"type\":\"auth\",\"access_token\":\"" + HaSimTest.TOKEN + "\"}");
			assertThat(socket.expectType("auth_required").get("ha_version").asString()).isNotBlank();
			assertThat(socket.expectType("auth_ok").get("ha_version").asString()).isEqualTo("2025.6.0");
		}
	}

	@Test
	void acceptsAuthSentAfterAuthRequired() {
		try (HaClient.Socket socket = this.client.connect()) {
			socket.expectType("auth_required");
			socket.send("{\"type\":\"auth\",\"access_token\":\"" + HaSimTest.TOKEN + "\"}");
			socket.expectType("auth_ok");
		}
	}

	@Test
	void refusesABadTokenAndCloses() {
		try (HaClient.Socket socket = this.client.connect()) {
			socket.send("{\"type\":\"auth\",\"access_token\":\"wrong\"}");
			socket.expectType("auth_required");
			assertThat(socket.expectType("auth_invalid").get("message").asString())
				.isEqualTo("Invalid access token or password");
			socket.awaitClose();
		}
	}

	@Test
	void refusesACommandBeforeAuth() {
		try (HaClient.Socket socket = this.client.connect()) {
			socket.expectType("auth_required");
			socket.send("{\"id\":1,\"type\":\"get_states\"}");
			assertThat(socket.expectType("auth_invalid").get("message").asString())
				.startsWith("Auth message incorrectly formatted");
			socket.awaitClose();
		}
	}

	@Test
	void closesAClientThatNeverAuthenticates() {
		try (HaClient.Socket socket = this.client.connect()) {
			socket.expectType("auth_required");
			socket.awaitClose();
			assertThat(socket.isClosed()).isTrue();
		}
	}

	@Test
	void enforcesIdRules() {
		try (HaClient.Socket socket = this.client.authenticated()) {
			socket.send("{\"id\":5,\"type\":\"ping\"}");
			assertThat(socket.next().get("type").asString()).isEqualTo("pong");
			socket.send("{\"id\":5,\"type\":\"ping\"}");
			assertError(socket.next(), 5, "id_reuse", "Identifier values have to increase.");
			socket.send("{\"id\":3,\"type\":\"ping\"}");
			assertError(socket.next(), 3, "id_reuse", "Identifier values have to increase.");
			socket.send("{\"id\":\"seven\",\"type\":\"ping\"}");
			assertError(socket.next(), 0, "invalid_format", "Message incorrectly formatted.");
			socket.send("{\"id\":7}");
			assertError(socket.next(), 7, "invalid_format", "Message incorrectly formatted.");
			socket.send("{\"id\":8,\"type\":\"make_coffee\"}");
			assertError(socket.next(), 8, "unknown_command", "Unknown command.");
			// An unknown command does not use up its id, as in Home Assistant.
			socket.send("{\"id\":8,\"type\":\"ping\"}");
			assertThat(socket.next().get("type").asString()).isEqualTo("pong");
		}
	}

	@Test
	void callServiceChangesStateAndFiresStateChanged() {
		try (HaClient.Socket socket = this.client.authenticated()) {
			socket.send("{\"id\":1,\"type\":\"call_service\",\"domain\":\"lock\",\"service\":\"lock\","
					+ "\"target\":{\"entity_id\":\"lock.front_door\"}}");
			socket.await(1, "result");
			socket.send("{\"id\":2,\"type\":\"subscribe_events\",\"event_type\":\"state_changed\"}");
			assertThat(socket.await(2, "result").get("success").asBoolean()).isTrue();
			socket.send("{\"id\":3,\"type\":\"call_service\",\"domain\":\"lock\",\"service\":\"unlock\","
					+ "\"target\":{\"entity_id\":\"lock.front_door\"}}");
			JsonNode event = null;
			JsonNode result = null;
			while (event == null || result == null) {
				JsonNode message = socket.next();
				if ("event".equals(message.get("type").asString()) && message.get("id").asInt() == 2
						&& "lock.front_door".equals(message.get("event").get("data").get("entity_id").asString())) {
					event = message.get("event");
				}
				if ("result".equals(message.get("type").asString()) && message.get("id").asInt() == 3) {
					result = message;
				}
			}
			assertThat(result.get("success").asBoolean()).isTrue();
			String contextId = result.get("result").get("context").get("id").asString();
			assertThat(event.get("event_type").asString()).isEqualTo("state_changed");
			assertThat(event.get("data").get("old_state").get("state").asString()).isEqualTo("locked");
			assertThat(event.get("data").get("new_state").get("state").asString()).isEqualTo("unlocked");
			assertThat(event.get("data").get("new_state").get("context").get("id").asString()).isEqualTo(contextId);
			assertThat(event.get("context").get("id").asString()).isEqualTo(contextId);
			assertThat(this.client.get("/api/states/lock.front_door").json().get("state").asString())
				.isEqualTo("unlocked");
		}
	}

	@Test
	void answersServiceErrorsWithHomeAssistantCodes() {
		try (HaClient.Socket socket = this.client.authenticated()) {
			socket.send("{\"id\":1,\"type\":\"call_service\",\"domain\":\"light\",\"service\":\"explode\","
					+ "\"target\":{\"entity_id\":\"light.kitchen\"}}");
			assertError(socket.next(), 1, "not_found", "Service light.explode not found.");
			socket.send("{\"id\":2,\"type\":\"call_service\",\"domain\":\"light\",\"service\":\"turn_on\","
					+ "\"target\":{\"entity_id\":\"light.kitchen\"},\"service_data\":{\"brightness\":999}}");
			assertThat(socket.next().get("error").get("code").asString()).isEqualTo("invalid_format");
			socket.send("{\"id\":3,\"type\":\"call_service\",\"domain\":\"light\",\"service\":\"turn_on\","
					+ "\"target\":{\"entity_id\":\"light.kitchen\"},\"return_response\":true}");
			assertThat(socket.next().get("error").get("code").asString()).isEqualTo("service_validation_error");
			socket.send("{\"id\":4,\"type\":\"call_service\",\"domain\":\"climate\",\"service\":\"set_temperature\","
					+ "\"target\":{\"entity_id\":\"climate.living_room\"},\"service_data\":{\"temperature\":40}}");
			assertThat(socket.next().get("error").get("code").asString()).isEqualTo("service_validation_error");
			socket.send("{\"id\":5,\"type\":\"unsubscribe_events\",\"subscription\":99}");
			assertError(socket.next(), 5, "not_found", "Subscription not found.");
			socket.send("{\"id\":6,\"type\":\"call_service\",\"domain\":\"weather\",\"service\":\"get_forecasts\","
					+ "\"target\":{\"entity_id\":\"weather.home\"},\"service_data\":{\"type\":\"hourly\"},"
					+ "\"return_response\":true}");
			JsonNode forecast = socket.next().get("result");
			assertThat(forecast.get("context").get("id").asString()).hasSize(26);
			assertThat(forecast.get("response").get("weather.home").get("forecast").size()).isEqualTo(5);
		}
	}

	@Test
	void coalescesMessagesIntoArraysOnlyWhenAsked() {
		try (HaClient.Socket socket = this.client.authenticated()) {
			socket.send(pings(1, 60));
			for (int i = 1; i <= 60; i++) {
				assertThat(socket.nextFrame()).startsWith("{");
			}
			socket.send("{\"id\":100,\"type\":\"supported_features\",\"features\":{\"coalesce_messages\":1}}");
			assertThat(socket.nextFrame()).startsWith("{\"id\":100,\"type\":\"result\"");
			socket.send(pings(101, 400));
			int pongs = 0;
			int arrays = 0;
			int expectedId = 101;
			while (pongs < 400) {
				JsonNode frame = HaJson.MAPPER.readTree(socket.nextFrame());
				if (frame.isArray()) {
					arrays++;
					for (JsonNode message : frame) {
						assertThat(message.get("id").asInt()).isEqualTo(expectedId++);
						pongs++;
					}
				}
				else {
					assertThat(frame.get("id").asInt()).isEqualTo(expectedId++);
					pongs++;
				}
			}
			assertThat(arrays).isPositive();
		}
	}

	@Test
	void subscribeEntitiesSendsCompressedStatesAndDiffs() {
		try (HaClient.Socket socket = this.client.authenticated()) {
			this.client.post("/api/services/light/turn_off", "{\"entity_id\":\"light.hallway\"}");
			this.client.post("/api/states/sensor.diff_probe",
					"{\"state\":\"1\",\"attributes\":{\"keep\":1,\"drop\":2}}");
			socket.send("{\"id\":1,\"type\":\"subscribe_entities\"}");
			assertThat(socket.await(1, "result").get("result").isNull()).isTrue();
			JsonNode initial = socket.await(1, "event").get("event").get("a");
			assertThat(initial.size()).isEqualTo(this.client.get("/api/states").json().size());
			JsonNode hallway = initial.get(DemoRoutines.HALLWAY_LIGHT);
			assertThat(hallway.get("s").asString()).isEqualTo("off");
			assertThat(hallway.get("a").get("friendly_name").asString()).isEqualTo("Hallway Light");
			assertThat(hallway.get("lc").isNumber()).isTrue();
			assertThat(hallway.has("c")).isTrue();

			String turnedOn = contextOf(this.client.post("/api/services/light/turn_on",
					"{\"entity_id\":\"light.hallway\",\"brightness\":42}"));
			JsonNode change = nextHallwayChangeTo(socket, 42);
			assertThat(change.get("s").asString()).isEqualTo("on");
			assertThat(change.get("lc").isNumber()).isTrue();
			assertThat(change.has("lu")).isFalse();
			assertThat(change.get("a").get("brightness").asInt()).isEqualTo(42);
			assertThat(change.get("a").get("color_mode").asString()).isEqualTo("brightness");
			assertThat(change.get("a").has("friendly_name")).isFalse();
			JsonNode context = change.get("c");
			assertThat(context.isString() ? context.asString() : context.get("id").asString()).isEqualTo(turnedOn);

			this.client.post("/api/services/light/turn_on", "{\"entity_id\":\"light.hallway\",\"brightness\":43}");
			JsonNode attributesOnly = nextHallwayChangeTo(socket, 43);
			assertThat(attributesOnly.has("s")).isFalse();
			assertThat(attributesOnly.has("lc")).isFalse();
			assertThat(attributesOnly.get("lu").isNumber()).isTrue();
			assertThat(attributesOnly.get("c").isString()).isTrue();

			this.client.post("/api/states/sensor.diff_probe", "{\"state\":\"1\",\"attributes\":{\"keep\":1}}");
			JsonNode removal = nextEntityEvent(socket, "c", "sensor.diff_probe").get("sensor.diff_probe");
			assertThat(removal.get("-").get("a").get(0).asString()).isEqualTo("drop");
			this.client.post("/api/states/sensor.diff_added", "{\"state\":\"5\"}");
			assertThat(nextEntityEvent(socket, "a", "sensor.diff_added").get("sensor.diff_added").get("s").asString())
				.isEqualTo("5");
			this.client.delete("/api/states/sensor.diff_added");
			assertThat(nextEntityEvent(socket, "r", "sensor.diff_added").get(0).asString())
				.isEqualTo("sensor.diff_added");
			this.client.delete("/api/states/sensor.diff_probe");
		}
	}

	@Test
	void servesStatesConfigServicesAndRegistries() {
		try (HaClient.Socket socket = this.client.authenticated()) {
			socket.send("[{\"id\":1,\"type\":\"get_states\"},{\"id\":2,\"type\":\"get_config\"},"
					+ "{\"id\":3,\"type\":\"get_services\"},{\"id\":4,\"type\":\"config/area_registry/list\"},"
					+ "{\"id\":5,\"type\":\"config/entity_registry/list\"},"
					+ "{\"id\":6,\"type\":\"config/device_registry/list\"}]");
			assertThat(socket.await(1, "result").get("result").size()).isGreaterThanOrEqualTo(150);
			assertThat(socket.await(2, "result").get("result").get("version").asString()).isEqualTo("2025.6.0");
			assertThat(socket.await(3, "result").get("result").get("light").has("turn_on")).isTrue();
			JsonNode kitchen = socket.await(4, "result").get("result").get(0);
			assertThat(kitchen.get("area_id").asString()).isEqualTo("kitchen");
			assertThat(kitchen.get("name").asString()).isEqualTo("Kitchen");
			assertThat(kitchen.has("floor_id")).isTrue();
			Map<String, JsonNode> entities = new HashMap<>();
			socket.await(5, "result")
				.get("result")
				.forEach((entity) -> entities.put(entity.get("entity_id").asString(), entity));
			Map<String, JsonNode> devices = new HashMap<>();
			socket.await(6, "result")
				.get("result")
				.forEach((device) -> devices.put(device.get("id").asString(), device));
			// An actuator holds its area itself ...
			JsonNode light = entities.get(DemoRoutines.KITCHEN_LIGHT);
			assertThat(light.get("area_id").asString()).isEqualTo("kitchen");
			assertThat(light.get("id").asString()).matches("[0-9a-f]{32}");
			assertThat(devices.get(light.get("device_id").asString()).get("area_id").asString()).isEqualTo("kitchen");
			// ... a sensor takes the area of its device, shared with the room's other
			// sensors.
			JsonNode temperature = entities.get("sensor.kitchen_temperature");
			assertThat(temperature.get("area_id").isNull()).isTrue();
			JsonNode sensorDevice = devices.get(temperature.get("device_id").asString());
			assertThat(sensorDevice.get("area_id").asString()).isEqualTo("kitchen");
			assertThat(sensorDevice.get("name").asString()).isEqualTo("Kitchen Climate Sensor");
			assertThat(sensorDevice.get("identifiers").get(0).get(0).asString()).isEqualTo("demo");
			assertThat(sensorDevice.get("config_entries").get(0).asString())
				.isEqualTo(temperature.get("config_entry_id").asString());
			// A plug's power sensor is on the plug's device.
			assertThat(entities.get("sensor.coffee_maker_power").get("device_id").asString())
				.isEqualTo(entities.get(DemoRoutines.COFFEE_MAKER).get("device_id").asString());
			assertThat(devices.size()).isLessThan(entities.size());
		}
	}

	@Test
	void historyDuringPeriodUsesTheCompressedShape() {
		try (HaClient.Socket socket = this.client.authenticated()) {
			String start = Instant.now().minus(2, ChronoUnit.DAYS).toString();
			socket.send("{\"id\":1,\"type\":\"history/history_during_period\",\"start_time\":\"" + start
					+ "\",\"entity_ids\":[\"light.kitchen\",\"sensor.kitchen_temperature\"],\"minimal_response\":true}");
			JsonNode result = socket.await(1, "result").get("result");
			JsonNode rows = result.get("sensor.kitchen_temperature");
			assertThat(rows.size()).isGreaterThan(50);
			assertThat(rows.get(0).has("a")).isTrue();
			assertThat(rows.get(0).get("lu").asDouble()).isCloseTo(Instant.parse(start).toEpochMilli() / 1000.0,
					org.assertj.core.data.Offset.offset(0.001));
			assertThat(rows.get(1).propertyNames()).containsExactly("s", "lu");
			assertThat(result.has("light.kitchen")).isTrue();
			socket.send("{\"id\":2,\"type\":\"history/history_during_period\",\"start_time\":\"soon\","
					+ "\"entity_ids\":[\"light.kitchen\"]}");
			assertThat(socket.next().get("error").get("code").asString()).isEqualTo("invalid_start_time");
		}
	}

	/**
	 * The next event of a kind about one entity: the demo home's routines keep changing
	 * other entities meanwhile, and their events are skipped.
	 */
	/**
	 * The demo home's routines switch the hallway light too (motion turns it on), so the
	 * test waits for the change its own call made: the one that sets this brightness.
	 */
	private static JsonNode nextHallwayChangeTo(HaClient.Socket socket, int brightness) {
		for (int i = 0; i < 1000; i++) {
			JsonNode change = nextEntityEvent(socket, "c", DemoRoutines.HALLWAY_LIGHT).get(DemoRoutines.HALLWAY_LIGHT)
				.get("+");
			JsonNode attributes = change.get("a");
			if (attributes != null && attributes.has("brightness")
					&& attributes.get("brightness").asInt() == brightness) {
				return change;
			}
		}
		throw new AssertionError("no change of the hallway light to brightness " + brightness);
	}

	private static JsonNode nextEntityEvent(HaClient.Socket socket, String kind, String entityId) {
		for (int i = 0; i < 1000; i++) {
			JsonNode message = socket.next();
			if ("event".equals(message.get("type").asString()) && message.get("event").has(kind)) {
				JsonNode entities = message.get("event").get(kind);
				boolean about = entities.isArray()
						? entities.valueStream().anyMatch((id) -> id.asString().equals(entityId))
						: entities.has(entityId);
				if (about) {
					return entities;
				}
			}
		}
		throw new AssertionError("no " + kind + " event about " + entityId);
	}

	/**
	 * The context id of the change a service call made, from the states it answers with.
	 * Whether a diff then carries the bare id or an object depends on who made the change
	 * before (see {@code StateDiffsTests}), and the demo home's routines may have.
	 */
	private static String contextOf(HaClient.Response serviceCall) {
		return serviceCall.json().get(0).get("context").get("id").asString();
	}

	private static String pings(int first, int count) {
		StringBuilder batch = new StringBuilder("[");
		for (int i = 0; i < count; i++) {
			if (i > 0) {
				batch.append(',');
			}
			batch.append("{\"id\":").append(first + i).append(",\"type\":\"ping\"}");
		}
		return batch.append(']').toString();
	}

	private static void assertError(JsonNode message, int id, String code, String text) {
		assertThat(message.get("id").asInt()).isEqualTo(id);
		assertThat(message.get("type").asString()).isEqualTo("result");
		assertThat(message.get("success").asBoolean()).isFalse();
		assertThat(message.get("error").get("code").asString()).isEqualTo(code);
		assertThat(message.get("error").get("message").asString()).isEqualTo(text);
	}

}
