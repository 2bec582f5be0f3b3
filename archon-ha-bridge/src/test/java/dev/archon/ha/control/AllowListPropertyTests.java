package dev.archon.ha.control;

import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.archon.ha.HaProperties;
import dev.archon.ha.Spellings;
import dev.archon.ha.state.InvalidEntityId;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The allow-list holds however a caller spells what it refuses: a service call to a
 * refused service, or one that starts a script no setting names, is never let through.
 */
class AllowListPropertyTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HaProperties.Control DEFAULTS = new Binder(new MapConfigurationPropertySource())
		.bindOrCreate("archon.ha", HaProperties.class)
		.control();

	/** The defaults, and settings that allow every other homeassistant service. */
	private static final List<AllowList> ALLOW_LISTS = List.of(
			new AllowList(DEFAULTS.allowed(), DEFAULTS.denied(), List.of("good_night")),
			new AllowList(List.of("homeassistant.*", "light.*"), DEFAULTS.denied(), List.of("good_night")));

	@Property
	void refusesARefusedServiceHoweverItIsSpelled(@ForAll("refusedCalls") List<String> call) {
		for (AllowList allowList : ALLOW_LISTS) {
			assertThatThrownBy(() -> check(allowList, call.get(0), call.get(1), null))
				.isInstanceOfAny(ServiceNotAllowed.class, InvalidServiceCall.class);
		}
	}

	@Property
	void refusesToStartAnUnnamedScriptHoweverItsEntityIsSpelled(@ForAll("scriptStarts") List<String> call) {
		JsonNode target = json.valueToTree(Map.of("entity_id", call.get(2)));
		for (AllowList allowList : ALLOW_LISTS) {
			assertThatThrownBy(() -> check(allowList, call.get(0), call.get(1), target))
				.isInstanceOfAny(ServiceNotAllowed.class, InvalidServiceCall.class, InvalidEntityId.class);
		}
	}

	/** As a call is checked before it is sent: first its names, then the allow-list. */
	private static void check(AllowList allowList, String domain, String service, JsonNode target) {
		ServiceCall call = ServiceCall.of(domain, service, target, null);
		allowList.check(call.domain(), call.service(), Targets.of(call.target(), call.data()), null);
	}

	@Provide
	Arbitrary<List<String>> refusedCalls() {
		return Arbitraries.of(Spellings.REFUSED_SERVICES).flatMap((name) -> {
			String[] parts = name.split("\\.");
			return Combinators.combine(Spellings.of(parts[0]), Spellings.of(parts[1])).as(List::of);
		});
	}

	@Provide
	Arbitrary<List<String>> scriptStarts() {
		Arbitrary<String> starter = Arbitraries.of("homeassistant.turn_on", "homeassistant.toggle", "script.turn_on",
				"script.toggle");
		return Combinators.combine(starter, Spellings.of("script.stop_everything")).as((name, entity) -> {
			String[] parts = name.split("\\.");
			return List.of(parts[0], parts[1], entity);
		});
	}

}
