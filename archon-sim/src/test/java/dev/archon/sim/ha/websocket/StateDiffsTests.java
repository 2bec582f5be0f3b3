package dev.archon.sim.ha.websocket;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.archon.sim.ha.HaContext;
import dev.archon.sim.ha.HaEvent;
import dev.archon.sim.ha.HaJson;
import dev.archon.sim.ha.HaState;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The context part of a change, as Home Assistant's {@code _state_diff} writes it: the
 * bare id when neither the user nor the parent changed, else an object with what did.
 */
class StateDiffsTests {

	private static final Instant T0 = Instant.parse("2026-01-01T08:00:00Z");

	@Test
	void contextIsTheBareIdWhenTheSameUserChangesTheEntityAgain() {
		HaContext first = HaContext.byOwner();
		HaContext second = HaContext.byOwner();
		JsonNode change = change(state("off", first), state("on", second));
		assertThat(change.get("c").asString()).isEqualTo(second.id());
	}

	@Test
	void contextNamesTheUserWhenAnotherUserChangesTheEntity() {
		HaContext byHome = HaContext.create(null);
		HaContext byOwner = HaContext.byOwner();
		JsonNode change = change(state("off", byHome), state("on", byOwner));
		assertThat(change.get("c").get("id").asString()).isEqualTo(byOwner.id());
		assertThat(change.get("c").get("user_id").asString()).isEqualTo(HaContext.OWNER_USER_ID);
		assertThat(change.get("c").has("parent_id")).isFalse();
	}

	private static JsonNode change(HaState oldState, HaState newState) {
		HaEvent event = HaEvent.stateChanged("light.probe", oldState, newState, newState.context(), T0);
		return HaJson.MAPPER.readTree(StateDiffs.of(event)).get("c").get("light.probe").get("+");
	}

	private static HaState state(String state, HaContext context) {
		return new HaState("light.probe", state, Map.of(), T0, T0, T0, context);
	}

}
