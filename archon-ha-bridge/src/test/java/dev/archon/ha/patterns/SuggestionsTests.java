package dev.archon.ha.patterns;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

import dev.archon.api.wire.ha.PatternReport;

import static org.assertj.core.api.Assertions.assertThat;

class SuggestionsTests {

	static final JsonMapper json = JsonMapper.builder().build();

	static final PatternReport.Regularity KITCHEN = new PatternReport.Regularity("light.kitchen", "on", "weekdays",
			"06:45", 7, 0.85, "light.kitchen turns on on weekdays at 06:45 ± 7 min on 85% of days");

	static final PatternReport.CoOccurrence HALL = new PatternReport.CoOccurrence("binary_sensor.hall_motion", "on",
			"light.hall", "on", 120, 30, 0.86, 60.0,
			"light.hall becomes on within 120 s after binary_sensor.hall_motion becomes \"on\": 30 times");

	@Test
	void turnsARegularityIntoATimedAutomation() {
		List<PatternReport.Suggestion> suggestions = Suggestions.from(List.of(KITCHEN), List.of(), 0.6, json);
		assertThat(suggestions).singleElement().satisfies((suggestion) -> {
			// A wider spread makes a fixed time a worse guess: 0.85 × (1 - 7/60).
			assertThat(suggestion.confidence()).isEqualTo(0.75);
			assertThat(suggestion.id()).isEqualTo("archon_light_kitchen_on_0645_weekdays");
			Map<String, Object> automation = new Yaml().load(suggestion.yaml());
			assertThat(automation).containsEntry("id", "archon_light_kitchen_on_0645_weekdays")
				.containsEntry("description", "Suggested by Archon: " + KITCHEN.description())
				.containsEntry("mode", "single");
			assertThat(automation.get("triggers")).isEqualTo(List.of(Map.of("trigger", "time", "at", "06:45:00")));
			assertThat(automation.get("conditions"))
				.isEqualTo(List.of(Map.of("condition", "time", "weekday", List.of("mon", "tue", "wed", "thu", "fri"))));
			assertThat(automation.get("actions"))
				.isEqualTo(List.of(Map.of("action", "light.turn_on", "target", Map.of("entity_id", "light.kitchen"))));
			// The editor's JSON says the same as the YAML.
			assertThat(json.convertValue(suggestion.config(), Map.class)).isEqualTo(automation);
		});
	}

	@Test
	void turnsACoOccurrenceIntoAStateTriggeredAutomation() {
		List<PatternReport.Suggestion> suggestions = Suggestions.from(List.of(), List.of(HALL), 0.6, json);
		assertThat(suggestions).singleElement().satisfies((suggestion) -> {
			assertThat(suggestion.confidence()).isEqualTo(0.86);
			Map<String, Object> automation = new Yaml().load(suggestion.yaml());
			assertThat(automation.get("triggers"))
				.isEqualTo(List.of(Map.of("trigger", "state", "entity_id", "binary_sensor.hall_motion", "to", "on")));
			assertThat(automation.get("conditions")).isEqualTo(List.of());
			assertThat(automation.get("actions"))
				.isEqualTo(List.of(Map.of("action", "light.turn_on", "target", Map.of("entity_id", "light.hall"))));
			// Quotes and colons in descriptions survive.
			assertThat(automation.get("description")).isEqualTo("Suggested by Archon: " + HALL.description());
		});
	}

	@Test
	void suggestsEveryDayWithoutAWeekdayCondition() {
		PatternReport.Regularity everyDay = new PatternReport.Regularity("climate.living_room", "heat", "every day",
				"17:30", 1, 1.0, "climate.living_room becomes heat on every day at 17:30 ± 1 min on 100% of days");
		assertThat(Suggestions.from(List.of(everyDay), List.of(), 0.6, json)).singleElement()
			.satisfies((suggestion) -> {
				assertThat(suggestion.confidence()).isEqualTo(0.98);
				Map<String, Object> automation = new Yaml().load(suggestion.yaml());
				assertThat(automation.get("conditions")).isEqualTo(List.of());
				assertThat(automation.get("actions")).isEqualTo(List.of(Map.of("action", "climate.set_hvac_mode",
						"target", Map.of("entity_id", "climate.living_room"), "data", Map.of("hvac_mode", "heat"))));
			});
	}

	@Test
	void neverSuggestsOpeningTheHome() {
		PatternReport.Regularity unlock = regularity("lock.front_door", "unlocked");
		PatternReport.Regularity garage = regularity("cover.garage_door", "open");
		PatternReport.Regularity lock = regularity("lock.front_door", "locked");
		PatternReport.Regularity blinds = regularity("cover.bedroom_blinds", "open");
		assertThat(Suggestions.from(List.of(unlock, garage, lock, blinds), List.of(), 0.6, json))
			.extracting((suggestion) -> suggestion.config().path("actions").get(0).path("action").asString())
			.containsExactlyInAnyOrder("lock.lock", "cover.open_cover");
	}

	@Test
	void leavesOutWhatIsTooUncertainAndPutsTheSurestFirst() {
		PatternReport.Regularity weak = new PatternReport.Regularity("light.hall", "on", "weekends", "09:30", 30, 0.7,
				"weak");
		PatternReport.CoOccurrence rare = new PatternReport.CoOccurrence("binary_sensor.door", "on", "light.porch",
				"on", 120, 5, 0.55, 10, "rare");
		List<PatternReport.Suggestion> suggestions = Suggestions.from(List.of(KITCHEN, weak), List.of(HALL, rare), 0.6,
				json);
		assertThat(suggestions).extracting(PatternReport.Suggestion::confidence).containsExactly(0.86, 0.75);
	}

	@ParameterizedTest
	@ValueSource(strings = { "kitchen: main", "kitchen #2", "the \"big\" lamp", "it's", "two\nlines", "on", "06:45:00",
			"- dash", "{braces}", "back\\slash", " padded ", "%percent", "&anchor", "*alias", "!tag" })
	void writesYamlThatReadsBackAsTheEditorsJsonWhateverTheNames(String name) {
		// 17:30:00 unquoted would be a number in base 60 to YAML 1.1, as Home Assistant
		// reads it.
		PatternReport.Regularity regularity = new PatternReport.Regularity("light." + name, "on", "weekdays", "17:30",
				7, 0.85, "The " + name + " light turns on at 17:30");
		PatternReport.CoOccurrence pair = new PatternReport.CoOccurrence("binary_sensor." + name, name,
				"switch." + name, "on", 120, 30, 0.86, 60.0, name + " follows: \"" + name + "\"");
		List<PatternReport.Suggestion> suggestions = Suggestions.from(List.of(regularity), List.of(pair), 0.6, json);
		assertThat(suggestions).hasSize(2).allSatisfy((suggestion) -> {
			Map<String, Object> automation = new Yaml().load(suggestion.yaml());
			assertThat(automation).isEqualTo(json.convertValue(suggestion.config(), Map.class));
		});
	}

	@Test
	void suggestsNothingWithoutPatterns() {
		assertThat(Suggestions.from(List.of(), List.of(), 0.6, json)).isEmpty();
	}

	private static PatternReport.Regularity regularity(String entityId, String state) {
		return new PatternReport.Regularity(entityId, state, "every day", "08:00", 2, 0.9, entityId + " " + state);
	}

}
