package dev.archon.sim.ha.websocket;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.archon.sim.ha.HaContext;
import dev.archon.sim.ha.HaEvent;
import dev.archon.sim.ha.HaJson;
import dev.archon.sim.ha.HaState;
import dev.archon.sim.ha.Timestamps;

/**
 * The compressed entity messages of {@code subscribe_entities}, made as Home Assistant's
 * {@code _state_diff_event} makes them: {@code a} for an added entity, {@code r} for a
 * removed one, and for a change {@code c} with {@code +} (state, times, context and
 * changed attributes) and {@code -} (removed attributes).
 */
final class StateDiffs {

	private StateDiffs() {
	}

	/**
	 * The event payload for a state change, made once per event and shared.
	 * @param event a {@code state_changed} event
	 * @return the JSON text
	 */
	static String of(HaEvent event) {
		String cached = event.cache().entityDiff();
		if (cached != null) {
			return cached;
		}
		String diff = compute(event);
		event.cache().entityDiff(diff);
		return diff;
	}

	static String added(Map<String, HaState> states) {
		StringBuilder json = new StringBuilder(64 + states.size() * 300).append("{\"a\":{");
		boolean first = true;
		for (Map.Entry<String, HaState> entry : states.entrySet()) {
			if (!first) {
				json.append(',');
			}
			first = false;
			json.append(HaJson.write(entry.getKey())).append(':').append(entry.getValue().compressedJson());
		}
		return json.append("}}").toString();
	}

	private static String compute(HaEvent event) {
		HaState oldState = event.oldState();
		HaState newState = event.newState();
		String entityId = (String) Objects.requireNonNull(event.data().get("entity_id"));
		if (newState == null) {
			return HaJson.write(Map.of("r", List.of(entityId)));
		}
		if (oldState == null) {
			return added(Map.of(entityId, newState));
		}
		Map<String, Object> additions = new LinkedHashMap<>();
		Map<String, Object> diff = new LinkedHashMap<>();
		diff.put("+", additions);
		if (!oldState.state().equals(newState.state())) {
			additions.put("s", newState.state());
		}
		if (!oldState.lastChanged().equals(newState.lastChanged())) {
			additions.put("lc", Timestamps.epochSeconds(newState.lastChanged()));
		}
		else if (!oldState.lastUpdated().equals(newState.lastUpdated())) {
			additions.put("lu", Timestamps.epochSeconds(newState.lastUpdated()));
		}
		context(oldState.context(), newState.context(), additions);
		Map<String, Object> oldAttributes = oldState.attributes();
		Map<String, Object> newAttributes = newState.attributes();
		if (!oldAttributes.equals(newAttributes)) {
			Map<String, @Nullable Object> added = new LinkedHashMap<>();
			newAttributes.forEach((key, value) -> {
				if (!oldAttributes.containsKey(key) || !Objects.equals(oldAttributes.get(key), value)) {
					added.put(key, value);
				}
			});
			if (!added.isEmpty()) {
				additions.put("a", added);
			}
			List<String> removed = new ArrayList<>();
			for (String key : oldAttributes.keySet()) {
				if (!newAttributes.containsKey(key)) {
					removed.add(key);
				}
			}
			if (!removed.isEmpty()) {
				diff.put("-", Map.of("a", removed));
			}
		}
		return "{\"c\":{" + HaJson.write(entityId) + ":" + HaJson.write(diff) + "}}";
	}

	private static void context(HaContext oldContext, HaContext newContext, Map<String, Object> additions) {
		Map<String, @Nullable Object> context = null;
		if (!Objects.equals(oldContext.parentId(), newContext.parentId())) {
			context = new LinkedHashMap<>();
			context.put("parent_id", newContext.parentId());
		}
		if (!Objects.equals(oldContext.userId(), newContext.userId())) {
			if (context == null) {
				context = new LinkedHashMap<>();
			}
			context.put("user_id", newContext.userId());
		}
		if (!oldContext.id().equals(newContext.id())) {
			if (context != null) {
				context.put("id", newContext.id());
			}
			else {
				additions.put("c", newContext.id());
				return;
			}
		}
		if (context != null) {
			additions.put("c", context);
		}
	}

}
