package dev.archon.ha.control;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.archon.ha.HaProperties;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AllowListTests {

	private static final List<String> DENIED = List.of("homeassistant.stop", "homeassistant.restart", "hassio.*",
			"shell_command.*");

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void refusesDeniedAndUnlistedServices() {
		AllowList allowList = new AllowList(List.of("light.*", "homeassistant.*", "switch.turn_on"), DENIED, List.of());
		assertThat(allowList.permits("light", "toggle")).isTrue();
		assertThat(allowList.permits("switch", "turn_on")).isTrue();
		assertThat(allowList.permits("switch", "turn_off")).isFalse();
		assertThat(allowList.permits("homeassistant", "stop")).isFalse();
		assertThat(allowList.permits("homeassistant", "update_entity")).isTrue();
		assertThat(allowList.permits("hassio", "host_reboot")).isFalse();
		assertThat(allowList.permits("notify", "send")).isFalse();
	}

	@Test
	void readsNamesAsHomeAssistantDoesWhateverTheirCaseAndSpaces() {
		AllowList allowList = new AllowList(List.of(" Light.* ", "homeassistant.*"), List.of("HomeAssistant.Stop "),
				List.of());
		assertThat(allowList.permits("HomeAssistant", "Stop")).isFalse();
		assertThat(allowList.permits(" homeassistant", "stop ")).isFalse();
		assertThat(allowList.permits("LIGHT", " Turn_On")).isTrue();
	}

	@Test
	void defaultSettingsLetNoScriptRun() {
		HaProperties.Control defaults = new Binder(new MapConfigurationPropertySource())
			.bindOrCreate("archon.ha", HaProperties.class)
			.control();
		assertThat(defaults.allowed()).noneMatch((pattern) -> pattern.startsWith("script"));
		assertThat(defaults.allowedScripts()).isEmpty();
		AllowList allowList = new AllowList(defaults.allowed(), defaults.denied(), defaults.allowedScripts());
		assertThat(allowList.permits("script", "stop_home_assistant")).isFalse();
		assertThat(allowList.permits("script", "turn_on", targets("{\"entity_id\":\"script.stop_home_assistant\"}")))
			.isFalse();
		assertThat(allowList.permits("light", "turn_on")).isTrue();
	}

	@Test
	void runsANamedScriptCalledByNameOrStartedByEntity() {
		AllowList allowList = new AllowList(List.of("light.*"), DENIED, List.of("good_night", "script.Movie_Time"));
		assertThat(allowList.permits("script", "good_night")).isTrue();
		assertThat(allowList.permits("script", "movie_time")).isTrue();
		assertThat(allowList.permits("script", "wake_up")).isFalse();
		assertThat(allowList.permits("script", "reload")).isFalse();
		assertThat(allowList.permits("script", "turn_on", targets("{\"entity_id\":\"script.good_night\"}"))).isTrue();
		assertThat(allowList.permits("script", "toggle",
				targets("{\"entity_id\":[\"script.good_night\",\" Script.Movie_Time\"]}")))
			.isTrue();
		assertThat(allowList.permits("script", "turn_on", targets("{\"entity_id\":\"script.good_night, script.x\"}")))
			.isFalse();
		assertThat(
				allowList.permits("script", "turn_on", targets("{\"entity_id\":[\"script.good_night\",\"script.x\"]}")))
			.isFalse();
		// With no target it starts nothing Archon can vouch for.
		assertThat(allowList.permits("script", "turn_on")).isFalse();
	}

	@Test
	void refusesScriptTargetsOnlyHomeAssistantCouldResolve() {
		AllowList allowList = new AllowList(List.of("light.*"), DENIED, List.of("good_night"));
		for (String target : List.of("{\"entity_id\":\"all\"}", "{\"area_id\":\"bedroom\"}",
				"{\"entity_id\":\"script.good_night\",\"label_id\":[\"evening\"]}",
				"{\"entity_id\":\"{{ 'script.stop' }}\"}", "{\"entity_id\":[\"script.good_night\",5]}",
				"\"{{ {'entity_id': 'script.stop'} }}\"")) {
			assertThat(allowList.permits("script", "turn_on", targets(target))).as(target).isFalse();
		}
	}

	@Test
	void refusesScriptsStartedThroughServicesOfOtherDomains() {
		AllowList allowList = new AllowList(List.of("homeassistant.turn_on", "light.*"), DENIED, List.of("good_night"));
		assertThat(allowList.permits("homeassistant", "turn_on", targets("{\"entity_id\":\"script.stop_all\"}")))
			.isFalse();
		assertThat(allowList.permits("homeassistant", "turn_on", targets("{\"area_id\":\"kitchen\"}"))).isFalse();
		assertThat(allowList.permits("homeassistant", "turn_on", targets("{\"entity_id\":\"group.evening\"}")))
			.as("a group, which Home Assistant expands into its members")
			.isFalse();
		assertThat(allowList.permits("light", "turn_on", targets("{\"entity_id\":\"group.evening\"}"))).isTrue();
		assertThat(allowList.permits("homeassistant", "turn_on",
				Targets.of(this.json.readTree("{}"), this.json.readTree("{\"entity_id\":\"script.stop_all\"}"))))
			.as("the service data's entity_id")
			.isFalse();
		assertThat(allowList.permits("homeassistant", "turn_on",
				targets("{\"entity_id\":[\"script.good_night\",\"light.kitchen\"]}")))
			.isTrue();
		assertThat(allowList.permits("light", "turn_on", targets("{\"area_id\":\"kitchen\"}"))).isTrue();
	}

	@Test
	void deniedScriptsStayDeniedWhenNamed() {
		AllowList allowList = new AllowList(List.of(), List.of("script.good_night"), List.of("good_night"));
		assertThat(allowList.permits("script", "good_night")).isFalse();
		assertThat(allowList.permits("script", "turn_on", targets("{\"entity_id\":\"script.good_night\"}"))).isFalse();
	}

	@Test
	void refusesToStartWithScriptsAllowedByPattern() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AllowList(List.of("script.*"), DENIED, List.of()))
			.withMessageContaining("archon.ha.control.allowed-scripts");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AllowList(List.of(" Script.turn_on"), DENIED, List.of()));
		assertThatIllegalArgumentException().isThrownBy(() -> new AllowList(List.of("script"), DENIED, List.of()));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AllowList(List.of("light.*"), DENIED, List.of("turn_on")))
			.as("script.turn_on would start every script");
	}

	@Test
	void refusalNamesTheSettingThatWouldAllowIt() {
		AllowList allowList = new AllowList(List.of("light.*"), DENIED, List.of());
		assertThatExceptionOfType(ServiceNotAllowed.class)
			.isThrownBy(() -> allowList.check("script", "turn_on", targets("{\"entity_id\":\"script.x\"}"),
					"actions[0].action"))
			.withMessageContaining("archon.ha.control.allowed-scripts")
			.satisfies((ex) -> assertThat(ex.path()).isEqualTo("actions[0].action"));
		assertThatExceptionOfType(ServiceNotAllowed.class)
			.isThrownBy(() -> allowList.check("notify", "send", Targets.NONE, null))
			.withMessageContaining("archon.ha.control.allowed)")
			.satisfies((ex) -> assertThat(ex.path()).isNull());
	}

	private Targets targets(String json) {
		JsonNode node = this.json.readTree(json);
		return Targets.of(node);
	}

}
