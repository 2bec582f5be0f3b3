package dev.archon.ha.patterns;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.archon.ha.Spellings;
import dev.archon.ha.control.AllowList;
import dev.archon.ha.control.ServiceNotAllowed;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An automation never runs a refused service, however the service is spelled and however
 * deep in the automation's actions it hides.
 */
class AutomationServicesPropertyTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final Map<String, Object> HARMLESS = Map.of("action", "light.turn_on");

	/**
	 * The action containers of Home Assistant's script syntax, each around one action.
	 */
	private static final List<UnaryOperator<Object>> CONTAINERS = List.of(
			(action) -> Map.of("sequence", List.of(HARMLESS, action)),
			(action) -> Map.of("parallel", List.of(action, HARMLESS)),
			(action) -> Map.of("choose", List.of(Map.of("conditions", List.of(), "sequence", List.of(action)))),
			(action) -> Map.of("choose", List.of(), "default", List.of(action)),
			(action) -> Map.of("if", List.of(), "then", List.of(HARMLESS), "else", List.of(action)),
			(action) -> Map.of("repeat", Map.of("count", 2, "sequence", List.of(action))));

	private final AutomationServices services = new AutomationServices(
			new AllowList(List.of("homeassistant.*", "light.*"),
					List.of("homeassistant.stop", "homeassistant.restart", "hassio.*", "shell_command.*"),
					List.of("good_night")));

	@Property
	void refusesARefusedServiceHoweverSpelledAndNested(@ForAll("hiddenActions") Object action) {
		ObjectNode automation = json.valueToTree(Map.of("triggers",
				List.of(Map.of("trigger", "time", "at", "07:00:00")), "actions", List.of(HARMLESS, action)));
		assertThatThrownBy(() -> this.services.check(automation)).isInstanceOfAny(ServiceNotAllowed.class,
				InvalidAutomation.class);
	}

	@Provide
	Arbitrary<Object> hiddenActions() {
		Arbitrary<Object> refused = Combinators
			.combine(Arbitraries.of("action", "service"),
					Arbitraries.of(Spellings.REFUSED_SERVICES).flatMap(Spellings::of))
			.as(Map::of);
		return Combinators.combine(refused, Arbitraries.of(CONTAINERS).list().ofMaxSize(4)).as((action, containers) -> {
			Object hidden = action;
			for (UnaryOperator<Object> container : containers) {
				hidden = container.apply(hidden);
			}
			return hidden;
		});
	}

}
