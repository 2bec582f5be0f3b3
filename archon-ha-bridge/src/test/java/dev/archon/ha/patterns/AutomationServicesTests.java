package dev.archon.ha.patterns;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.archon.api.wire.ha.PatternReport;
import dev.archon.ha.control.AllowList;
import dev.archon.ha.control.ServiceNotAllowed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class AutomationServicesTests {

	private static final JsonMapper json = JsonMapper.builder().enable(JsonReadFeature.ALLOW_SINGLE_QUOTES).build();

	private static final String TRIGGERS = "'triggers':[{'trigger':'time','at':'07:00:00'}]";

	private final AutomationServices services = new AutomationServices(
			new AllowList(List.of("light.*", "switch.*", "scene.*"),
					List.of("homeassistant.stop", "homeassistant.restart", "hassio.*", "shell_command.*"),
					List.of("good_night")));

	@Test
	void refusesTheListThatHidHomeAssistantStopBehindALegacyService() {
		// The probe that was accepted: the check read 'service' as 'action' was no
		// string.
		ObjectNode probe = object(
				"{\"actions\":[{\"action\":[\"homeassistant.stop\"],\"service\":\"light.turn_on\"}]}");
		assertThatExceptionOfType(InvalidAutomation.class).isThrownBy(() -> this.services.check(probe))
			.satisfies((ex) -> assertThat(ex.path()).isEqualTo("actions[0].action"));
		assertThatExceptionOfType(InvalidAutomation.class).isThrownBy(
				() -> this.services.check(withActions("[{'action':['homeassistant.stop'],'service':'light.turn_on'}]")))
			.satisfies((ex) -> assertThat(ex.path()).isEqualTo("actions[0].action"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "['light.turn_on']", "[]", "5", "true", "null", "{'domain':'light','service':'turn_on'}",
			"\"{{ 'homeassistant.stop' }}\"", "\"{% if true %}homeassistant.stop{% endif %}\"",
			"'homeassistant.st{# comment #}op'", "'{{ service }}'", "'light'", "'light.turn-on'", "'light.turn_on.x'",
			"'lıght.turn_on'" })
	void refusesServiceNamesThatCannotBeChecked(String name) {
		for (String key : List.of("action", "service", "service_template")) {
			assertThatExceptionOfType(InvalidAutomation.class).as(key + ": " + name)
				.isThrownBy(() -> this.services.check(withActions("[{'" + key + "':" + name + "}]")))
				.satisfies((ex) -> assertThat(ex.path()).isEqualTo("actions[0]." + key));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "homeassistant.stop", "HomeAssistant.Stop", " homeassistant.stop ", "HOMEASSISTANT.STOP",
			"\\thomeassistant.restart\\n", "hassio.host_reboot", "shell_command.wipe", "notify.mobile" })
	void refusesServicesOffTheAllowListInEverySpelling(String name) {
		for (String key : List.of("action", "service", "service_template")) {
			assertThatExceptionOfType(ServiceNotAllowed.class).as(key + ": " + name)
				.isThrownBy(() -> this.services.check(withActions("[{'action':'light.turn_on'},{'" + key + "':\"" + name
						+ "\",'target':{'entity_id':'light.kitchen'}}]")))
				.satisfies((ex) -> assertThat(ex.path()).isEqualTo("actions[1]." + key));
		}
	}

	static Stream<Arguments> nestedForbiddenServices() {
		return Stream.of(
				arguments("[{'sequence':[{'action':'light.turn_on'},{'action':'homeassistant.stop'}]}]",
						"actions[0].sequence[1].action"),
				arguments("[{'parallel':[{'action':'light.turn_on'},{'service':'HomeAssistant.Stop'}]}]",
						"actions[0].parallel[1].service"),
				arguments("[{'parallel':[{'sequence':[{'action':'homeassistant.stop'}]}]}]",
						"actions[0].parallel[0].sequence[0].action"),
				arguments("[{'parallel':{'action':'homeassistant.stop'}}]", "actions[0].parallel.action"),
				arguments(
						"[{'choose':[{'conditions':[],'sequence':[{'action':'light.turn_on'}]},"
								+ "{'conditions':[],'sequence':[{'action':'homeassistant.stop'}]}]}]",
						"actions[0].choose[1].sequence[0].action"),
				arguments("[{'choose':{'conditions':[],'sequence':{'action':'homeassistant.stop'}}}]",
						"actions[0].choose.sequence.action"),
				arguments("[{'choose':[],'default':[{'service':' homeassistant.stop '}]}]",
						"actions[0].default[0].service"),
				arguments(
						"[{'if':[{'condition':'state','entity_id':'light.a','state':'on'}],"
								+ "'then':[{'action':'light.turn_on'}],'else':[{'action':'homeassistant.stop'}]}]",
						"actions[0].else[0].action"),
				arguments("[{'if':'{{ true }}','then':{'action':'homeassistant.restart'}}]", "actions[0].then.action"),
				arguments("[{'repeat':{'count':2,'sequence':[{'action':'homeassistant.stop'}]}}]",
						"actions[0].repeat.sequence[0].action"),
				arguments(
						"[{'repeat':{'while':[{'condition':'template','value_template':'{{ true }}'}],"
								+ "'sequence':[{'if':[],'then':[{'choose':[],'default':"
								+ "[{'parallel':[{'service_template':'homeassistant.stop'}]}]}]}]}}]",
						"actions[0].repeat.sequence[0].then[0].default[0].parallel[0].service_template"),
				arguments(
						"[{'wait_for_trigger':[{'trigger':'state','entity_id':'light.a','action':'homeassistant.stop'}]}]",
						"actions[0].wait_for_trigger[0].action"),
				arguments(
						"[{'condition':'and','conditions':[{'condition':'or','conditions':"
								+ "[{'service':'homeassistant.stop'}]}]}]",
						"actions[0].conditions[0].conditions[0].service"),
				arguments("[{'not':[{'action':'homeassistant.stop'}]}]", "actions[0].not[0].action"));
	}

	@ParameterizedTest
	@MethodSource("nestedForbiddenServices")
	void findsForbiddenServicesInEveryActionContainer(String actions, String path) {
		assertThatExceptionOfType(ServiceNotAllowed.class).isThrownBy(() -> this.services.check(withActions(actions)))
			.satisfies((ex) -> assertThat(ex.path()).isEqualTo(path))
			.satisfies((ex) -> assertThat(ex.domain() + "." + ex.service()).isIn("homeassistant.stop",
					"homeassistant.restart"));
	}

	@Test
	void readsTheLegacySingularKeysOfAnAutomation() {
		assertThatExceptionOfType(ServiceNotAllowed.class)
			.isThrownBy(() -> this.services.check(object("{'trigger':[{'platform':'time','at':'07:00:00'}],"
					+ "'condition':[],'action':[{'service':'homeassistant.stop'}]}")))
			.satisfies((ex) -> assertThat(ex.path()).isEqualTo("action[0].service"));
		assertThatExceptionOfType(ServiceNotAllowed.class)
			.isThrownBy(() -> this.services.check(object("{'trigger':{'platform':'time','at':'07:00:00'},"
					+ "'condition':{'condition':'and','conditions':[{'action':'homeassistant.stop'}]},"
					+ "'action':{'action':'light.turn_on'}}")))
			.satisfies((ex) -> assertThat(ex.path()).isEqualTo("condition.conditions[0].action"));
		assertThatExceptionOfType(ServiceNotAllowed.class)
			.isThrownBy(() -> this.services.check(object("{'triggers':[{'trigger':'time','at':'07:00:00',"
					+ "'action':'homeassistant.stop'}],'actions':[{'action':'light.turn_on'}]}")))
			.satisfies((ex) -> assertThat(ex.path()).isEqualTo("triggers[0].action"));
	}

	@Test
	void readsASingleActionWhereHomeAssistantTakesAList() {
		assertThatExceptionOfType(ServiceNotAllowed.class)
			.isThrownBy(() -> this.services.check(withActions("{'action':'homeassistant.stop'}")))
			.satisfies((ex) -> assertThat(ex.path()).isEqualTo("actions.action"));
	}

	@Test
	void refusesBothTheLegacyAndTheCurrentKeyOfOnePart() {
		assertThatExceptionOfType(InvalidAutomation.class)
			.isThrownBy(() -> this.services.check(object(
					"{" + TRIGGERS + ",'actions':[{'action':'light.turn_on'}],'action':[{'action':'light.toggle'}]}")))
			.satisfies((ex) -> assertThat(ex.path()).isEqualTo("action"));
	}

	static Stream<Arguments> shapesWhoseEffectCannotBeTold() {
		return Stream.of(
				arguments("[{'action':'light.turn_on','then_later':[{'action':'homeassistant.stop'}]}]",
						"actions[0].then_later"),
				arguments("[{'frobnicate':[{'action':'light.turn_on'}]}]", "actions[0]"),
				arguments("[{'alias':'nothing but a name'}]", "actions[0]"),
				arguments("['light.turn_on']", "actions[0]"),
				arguments("[{'event':'homeassistant_stop'}]", "actions[0].event"),
				arguments("[{'device_id':'abc','domain':'zwave_js','type':'reset_meter'}]", "actions[0].device_id"),
				arguments("[{'choose':[{'conditions':[],'sequence':[],'fallback':[]}]}]",
						"actions[0].choose[0].fallback"),
				arguments("[{'repeat':{'count':1,'otherwise':[]}}]", "actions[0].repeat.otherwise"),
				arguments("[{'scene':'{{ states.scene | first }}'}]", "actions[0].scene"),
				arguments("[{'scene':'light.kitchen'}]", "actions[0].scene"));
	}

	@ParameterizedTest
	@MethodSource("shapesWhoseEffectCannotBeTold")
	void refusesShapesWhoseEffectCannotBeTold(String actions, String path) {
		assertThatExceptionOfType(InvalidAutomation.class).isThrownBy(() -> this.services.check(withActions(actions)))
			.satisfies((ex) -> assertThat(ex.path()).isEqualTo(path));
	}

	@Test
	void refusesBlueprintsWhoseActionsLiveElsewhere() {
		assertThatExceptionOfType(InvalidAutomation.class)
			.isThrownBy(() -> this.services
				.check(object("{'use_blueprint':{'path':'stop.yaml','input':{'what':'homeassistant.stop'}}}")))
			.satisfies((ex) -> assertThat(ex.path()).isEqualTo("use_blueprint"));
	}

	@Test
	void runsOnlyTheScriptsNamedInTheSettings() {
		List<String> refused = List.of("[{'action':'script.stop_everything'}]",
				"[{'action':'script.turn_on','target':{'entity_id':'script.stop_everything'}}]",
				"[{'service':'script.turn_on','entity_id':'script.good_night, script.stop_everything'}]",
				"[{'action':'script.toggle','data':{'entity_id':['script.stop_everything']}}]",
				"[{'action':'script.turn_on','target':{'area_id':'bedroom'}}]",
				"[{'action':'script.turn_on','target':\"{{ {'entity_id': 'script.good_night'} }}\"}]",
				"[{'action':'script.turn_on','data_template':{'entity_id':\"{{ 'script.good_night' }}\"}}]",
				"[{'action':'script.reload'}]");
		for (String actions : refused) {
			assertThatExceptionOfType(ServiceNotAllowed.class).as(actions)
				.isThrownBy(() -> this.services.check(withActions(actions)))
				.withMessageContaining("allowed-scripts");
		}
		for (String actions : List.of("[{'action':'script.good_night','data':{'minutes':5}}]",
				"[{'action':'Script.Turn_On','target':{'entity_id':'Script.Good_Night'}}]",
				"[{'service':'script.turn_on','entity_id':'script.good_night'}]")) {
			assertThatNoException().as(actions).isThrownBy(() -> this.services.check(withActions(actions)));
		}
	}

	@Test
	void writesEachNameBackAsHomeAssistantReadsIt() {
		ObjectNode automation = withActions("[{'action':' Light.Turn_On ','target':{'entity_id':'light.kitchen'}},"
				+ "{'choose':[{'conditions':[],'sequence':[{'service':'SWITCH.toggle'}]}]},{'scene':' Scene.Evening'}]");
		this.services.check(automation);
		assertThat(automation.path("actions").get(0).path("action").asString()).isEqualTo("light.turn_on");
		assertThat(automation.at("/actions/1/choose/0/sequence/0/service").asString()).isEqualTo("switch.toggle");
		assertThat(automation.at("/actions/2/scene").asString()).isEqualTo("scene.evening");
	}

	@Test
	void acceptsEverySuggestionAsItIs() {
		List<PatternReport.Suggestion> suggestions = Suggestions.from(List.of(SuggestionsTests.KITCHEN),
				List.of(SuggestionsTests.HALL), 0.6, json);
		assertThat(suggestions).isNotEmpty().allSatisfy((suggestion) -> {
			ObjectNode config = (ObjectNode) suggestion.config().deepCopy();
			this.services.check(config);
			assertThat(config).isEqualTo(suggestion.config());
		});
	}

	@Test
	void acceptsWhatHomeAssistantRunsHarmlessly() {
		ObjectNode automation = object("{'alias':'Evening','description':'lights','mode':'restart',"
				+ "'variables':{'action':'not a service'},'triggers':[{'trigger':'event','event_type':"
				+ "'mobile_app_notification_action','event_data':{'action':'OPEN_GARAGE'}}],"
				+ "'conditions':['{{ is_state(\"sun.sun\", \"below_horizon\") }}',{'not':[{'condition':'state',"
				+ "'entity_id':'light.a','state':'on'}]}],'actions':[{'delay':'00:00:05'},{'variables':{'x':1}},"
				+ "{'wait_template':'{{ true }}','timeout':5,'continue_on_timeout':true},{'condition':'device',"
				+ "'device_id':'abc','domain':'light','type':'is_on','entity_id':'light.a'},{'action':'light.turn_on',"
				+ "'target':{'area_id':'kitchen'},'data':{'brightness':'{{ 100 }}'},'continue_on_error':true},"
				+ "{'stop':'done'}]}");
		assertThatNoException().isThrownBy(() -> this.services.check(automation));
	}

	@Test
	void needsATriggerAndAnAction() {
		assertThatExceptionOfType(InvalidAutomation.class)
			.isThrownBy(() -> this.services.check(object("{'actions':[{'action':'light.turn_on'}]}")));
		assertThatExceptionOfType(InvalidAutomation.class)
			.isThrownBy(() -> this.services.check(object("{" + TRIGGERS + ",'actions':[]}")));
	}

	private static ObjectNode withActions(String actions) {
		return object("{" + TRIGGERS + ",'actions':" + actions + "}");
	}

	private static ObjectNode object(String text) {
		return (ObjectNode) json.readTree(text);
	}

}
