package dev.archon.sim.ha.websocket;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.archon.sim.ha.HaJson;
import dev.archon.sim.ha.HaState;
import dev.archon.sim.ha.States;
import dev.archon.sim.ha.demo.DemoHome;
import dev.archon.sim.ha.demo.EntitySpec;

/**
 * The area and entity registries as {@code config/area_registry/list} and
 * {@code config/entity_registry/list} list them: where clients learn which entity is in
 * which area, since states do not say.
 */
final class Registry {

	private final DemoHome home;

	private final States states;

	private final String areas;

	Registry(DemoHome home, States states) {
		this.home = home;
		this.states = states;
		List<Map<String, @Nullable Object>> list = new ArrayList<>();
		for (DemoHome.Area area : home.areas()) {
			Map<String, @Nullable Object> entry = new LinkedHashMap<>();
			entry.put("aliases", List.of());
			entry.put("area_id", area.areaId());
			entry.put("floor_id", null);
			entry.put("humidity_entity_id", null);
			entry.put("icon", null);
			entry.put("labels", List.of());
			entry.put("name", area.name());
			entry.put("picture", null);
			entry.put("temperature_entity_id", null);
			entry.put("created_at", 0.0);
			entry.put("modified_at", 0.0);
			list.add(entry);
		}
		this.areas = HaJson.write(list);
	}

	String areas() {
		return this.areas;
	}

	String entities() {
		List<Map<String, @Nullable Object>> list = new ArrayList<>();
		for (HaState state : this.states.sorted()) {
			EntitySpec spec = this.home.spec(state.entityId());
			Map<String, @Nullable Object> entry = new LinkedHashMap<>();
			entry.put("area_id", (spec != null) ? spec.areaId() : null);
			entry.put("categories", Map.of());
			entry.put("config_entry_id", null);
			entry.put("created_at", 0.0);
			entry.put("device_id", null);
			entry.put("disabled_by", null);
			entry.put("entity_category", null);
			entry.put("entity_id", state.entityId());
			entry.put("has_entity_name", false);
			entry.put("hidden_by", null);
			entry.put("icon", null);
			entry.put("id", Integer.toHexString(state.entityId().hashCode()));
			entry.put("labels", List.of());
			entry.put("modified_at", 0.0);
			entry.put("name", null);
			entry.put("options", Map.of());
			entry.put("original_name", state.attributes().get("friendly_name"));
			entry.put("platform", (spec != null) ? "demo" : "rest");
			entry.put("translation_key", null);
			entry.put("unique_id", state.entityId());
			list.add(entry);
		}
		return HaJson.write(list);
	}

}
