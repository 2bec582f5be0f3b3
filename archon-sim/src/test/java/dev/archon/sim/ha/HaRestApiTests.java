package dev.archon.sim.ha;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.archon.sim.ha.demo.DemoRoutines;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@HaSimTest
class HaRestApiTests {

	private static final String ISO = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+00:00";

	@LocalServerPort
	private int port;

	private HaClient client;

	@BeforeEach
	void client() {
		this.client = new HaClient(this.port);
	}

	@Test
	void answersApiRunning() {
		HaClient.Response response = this.client.get("/api/");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("message").asString()).isEqualTo("API running.");
	}

	@Test
	void refusesMissingOrWrongToken() {
		HaClient.Response missing = this.client
			.send(HttpRequest.newBuilder(URI.create(this.client.url("/api/states"))));
		assertThat(missing.status()).isEqualTo(401);
		assertThat(missing.json().get("message").asString()).isEqualTo("401: Unauthorized");
		HaClient.Response wrong = this.client.send(HttpRequest.newBuilder(URI.create(this.client.url("/api/states")))
			.header("Authorization", "Bearer nope"));
		assertThat(wrong.status()).isEqualTo(401);
	}

	@Test
	void listsStatesShapedLikeHomeAssistant() {
		JsonNode states = this.client.get("/api/states").json();
		assertThat(states.size()).isGreaterThanOrEqualTo(150);
		JsonNode kitchen = null;
		for (JsonNode state : states) {
			if (DemoRoutines.KITCHEN_LIGHT.equals(state.get("entity_id").asString())) {
				kitchen = state;
			}
		}
		assertThat(kitchen).isNotNull();
		assertThat(kitchen.propertyNames()).containsExactly("entity_id", "state", "attributes", "last_changed",
				"last_reported", "last_updated", "context");
		assertThat(kitchen.get("last_changed").asString()).matches(ISO);
		assertThat(kitchen.get("last_reported").asString()).matches(ISO);
		assertThat(kitchen.get("context").get("id").asString()).matches("[0-9A-HJKMNP-TV-Z]{26}");
		assertThat(kitchen.get("context").has("parent_id")).isTrue();
		assertThat(kitchen.get("attributes").get("friendly_name").asString()).isEqualTo("Kitchen Light");
		assertThat(this.client.get("/api/config").json().get("time_zone").asString()).isEqualTo("UTC");
	}

	@Test
	void readsWritesAndRemovesOneState() {
		HaClient.Response missing = this.client.get("/api/states/sensor.nothing_here");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.json().get("message").asString()).isEqualTo("Entity not found.");
		HaClient.Response invalid = this.client.post("/api/states/sensor.bad__id", "{\"state\":\"1\"}");
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.json().get("message").asString()).isEqualTo("Invalid entity ID specified.");
		assertThat(this.client.post("/api/states/sensor.rest_made", "{\"attributes\":{}}")
			.json()
			.get("message")
			.asString()).isEqualTo("No state specified.");
		HaClient.Response created = this.client.post("/api/states/sensor.rest_made",
				"{\"state\":\"12\",\"attributes\":{\"unit_of_measurement\":\"W\"}}");
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.location()).isEqualTo("/api/states/sensor.rest_made");
		HaClient.Response updated = this.client.post("/api/states/sensor.rest_made", "{\"state\":\"13\"}");
		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.json().get("state").asString()).isEqualTo("13");
		assertThat(this.client.delete("/api/states/sensor.rest_made").json().get("message").asString())
			.isEqualTo("Entity removed.");
	}

	@Test
	void callingAServiceReturnsTheChangedStates() {
		this.client.post("/api/services/switch/turn_off", "{\"entity_id\":\"switch.coffee_maker\"}");
		JsonNode changed = this.client.post("/api/services/switch/turn_on", "{\"entity_id\":\"switch.coffee_maker\"}")
			.json();
		assertThat(changed.isArray()).isTrue();
		assertThat(changed.size()).isEqualTo(1);
		assertThat(changed.get(0).get("state").asString()).isEqualTo("on");
		assertThat(changed.get(0).get("context").get("user_id").isString()).isTrue();
		JsonNode unchanged = this.client.post("/api/services/switch/turn_on", "{\"entity_id\":\"switch.coffee_maker\"}")
			.json();
		assertThat(unchanged.size()).isZero();
		JsonNode dimmed = this.client
			.post("/api/services/light/turn_on", "{\"entity_id\":\"light.living_room\",\"brightness_pct\":50}")
			.json();
		assertThat(dimmed.get(0).get("attributes").get("brightness").asInt()).isEqualTo(128);
	}

	@Test
	void followsReturnResponseRules() {
		HaClient.Response unsupported = this.client.post("/api/services/light/turn_on?return_response",
				"{\"entity_id\":\"light.kitchen\"}");
		assertThat(unsupported.status()).isEqualTo(400);
		assertThat(unsupported.json().get("message").asString())
			.isEqualTo("Service does not support responses. Remove return_response from request.");
		HaClient.Response required = this.client.post("/api/services/weather/get_forecasts",
				"{\"entity_id\":\"weather.home\",\"type\":\"daily\"}");
		assertThat(required.status()).isEqualTo(400);
		assertThat(required.json().get("message").asString()).isEqualTo(
				"Service call requires responses but caller did not ask for responses. Add ?return_response to query parameters.");
		JsonNode answered = this.client
			.post("/api/services/weather/get_forecasts?return_response",
					"{\"entity_id\":\"weather.home\",\"type\":\"daily\"}")
			.json();
		assertThat(answered.get("changed_states").isArray()).isTrue();
		assertThat(answered.get("service_response").get("weather.home").get("forecast").size()).isEqualTo(5);
	}

	@Test
	void refusesUnknownServicesAndBadData() {
		assertThat(this.client.post("/api/services/light/explode", "{}").status()).isEqualTo(400);
		assertThat(
				this.client.post("/api/services/light/turn_on", "{\"entity_id\":\"light.kitchen\",\"brightness\":300}")
					.status())
			.isEqualTo(400);
		assertThat(this.client.post("/api/services/light/turn_on", "{not json").json().get("message").asString())
			.isEqualTo("Data should be valid JSON.");
		List<String> domains = new ArrayList<>();
		this.client.get("/api/services").json().forEach((entry) -> domains.add(entry.get("domain").asString()));
		assertThat(domains).contains("light", "switch", "climate", "lock", "cover", "media_player", "homeassistant");
	}

	@Test
	void historyNeedsAFilterAndValidIds() {
		HaClient.Response missing = this.client.get("/api/history/period");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().get("message").asString()).isEqualTo("filter_entity_id is missing");
		assertThat(
				this.client.get("/api/history/period?filter_entity_id=light.bad__id").json().get("message").asString())
			.isEqualTo("Invalid filter_entity_id");
		assertThat(this.client.get("/api/history/period/yesterday?filter_entity_id=light.kitchen").status())
			.isEqualTo(400);
	}

	@Test
	void historyBeginsEachEntityWithItsStateAtTheStart() {
		String start = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
		JsonNode history = this.client
			.get("/api/history/period/" + start + "?filter_entity_id=light.kitchen,sensor.kitchen_temperature,"
					+ "climate.living_room&minimal_response")
			.json();
		assertThat(history.size()).isEqualTo(3);
		for (JsonNode entity : history) {
			JsonNode first = entity.get(0);
			assertThat(first.propertyNames()).containsExactly("entity_id", "state", "attributes", "last_changed",
					"last_updated");
			assertThat(OffsetDateTime.parse(first.get("last_changed").asString()).toInstant())
				.isEqualTo(Instant.parse(start));
			assertThat(entity.size()).isGreaterThan(1);
			JsonNode later = entity.get(1);
			if (first.get("entity_id").asString().startsWith("climate.")) {
				assertThat(later.has("attributes")).isTrue();
			}
			else {
				assertThat(later.propertyNames()).containsExactly("state", "last_changed");
			}
		}
		JsonNode bare = this.client
			.get("/api/history/period/" + start + "?filter_entity_id=light.kitchen&no_attributes")
			.json();
		assertThat(bare.get(0).get(1).get("attributes").isEmpty()).isTrue();
	}

	@Test
	void historyHoldsThePlantedRoutines() {
		Instant end = Instant.now();
		Instant start = end.minus(27, ChronoUnit.DAYS);
		JsonNode history = this.client
			.get("/api/history/period/" + start + "?end_time=" + end + "&filter_entity_id=" + DemoRoutines.KITCHEN_LIGHT
					+ "," + DemoRoutines.HALLWAY_MOTION + "," + DemoRoutines.HALLWAY_LIGHT
					+ "&minimal_response&no_attributes")
			.json();
		List<Instant> kitchenOn = onTimes(history.get(0), "on");
		Set<LocalDate> morningDays = new HashSet<>();
		int nightOn = 0;
		for (Instant on : kitchenOn) {
			LocalTime time = LocalTime.ofInstant(on, ZoneOffset.UTC);
			if (!time.isBefore(LocalTime.of(6, 35)) && !time.isAfter(LocalTime.of(6, 55))) {
				morningDays.add(LocalDate.ofInstant(on, ZoneOffset.UTC));
			}
			if (time.isAfter(LocalTime.of(1, 0)) && time.isBefore(LocalTime.of(5, 0))) {
				nightOn++;
			}
		}
		long weekdays = start.atZone(ZoneOffset.UTC)
			.toLocalDate()
			.plusDays(1)
			.datesUntil(end.atZone(ZoneOffset.UTC).toLocalDate())
			.filter((day) -> day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY)
			.count();
		assertThat(morningDays).allMatch((day) -> day.getDayOfWeek().getValue() <= 5);
		assertThat(morningDays.size()).isGreaterThanOrEqualTo((int) (weekdays * 0.5));
		assertThat(nightOn).isZero();
		List<Instant> motion = onTimes(history.get(1), "on");
		List<Instant> light = onTimes(history.get(2), "on");
		long followed = motion.stream()
			.filter((at) -> light.stream()
				.anyMatch((on) -> !on.isBefore(at.minus(6, ChronoUnit.MINUTES)) && !on.isAfter(at.plusSeconds(90))))
			.count();
		assertThat(motion.size()).isGreaterThan(100);
		assertThat(followed / (double) motion.size()).isGreaterThan(0.85);
	}

	@Test
	void savesAnAutomationAndCreatesItsEntity() {
		HaClient.Response saved = this.client.post("/api/config/automation/config/morning_kitchen",
				"{\"alias\":\"Morning kitchen light\",\"triggers\":[{\"trigger\":\"time\",\"at\":\"06:45:00\"}],"
						+ "\"conditions\":[],\"actions\":[{\"action\":\"light.turn_on\",\"target\":{\"entity_id\":"
						+ "\"light.kitchen\"}}],\"mode\":\"single\"}");
		assertThat(saved.status()).isEqualTo(200);
		assertThat(saved.json().get("result").asString()).isEqualTo("ok");
		JsonNode entity = this.client.get("/api/states/automation.morning_kitchen_light").json();
		assertThat(entity.get("state").asString()).isEqualTo("on");
		assertThat(entity.get("attributes").get("id").asString()).isEqualTo("morning_kitchen");
		assertThat(this.client.get("/api/config/automation/config/morning_kitchen").json().get("alias").asString())
			.isEqualTo("Morning kitchen light");
		HaClient.Response malformed = this.client.post("/api/config/automation/config/broken", "{\"alias\":\"x\"}");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.json().get("message").asString()).startsWith("Message malformed: ");
	}

	@Test
	void firesAndListsEvents() {
		assertThat(this.client.post("/api/events/archon_test", "{\"a\":1}").json().get("message").asString())
			.isEqualTo("Event archon_test fired.");
		assertThat(this.client.get("/api/events").json().isArray()).isTrue();
	}

	private static List<Instant> onTimes(JsonNode rows, String state) {
		List<Instant> times = new ArrayList<>();
		for (int i = 1; i < rows.size(); i++) {
			if (state.equals(rows.get(i).get("state").asString())) {
				times.add(OffsetDateTime.parse(rows.get(i).get("last_changed").asString()).toInstant());
			}
		}
		return times;
	}

}
