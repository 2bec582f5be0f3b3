package dev.archon.sim.ha.websocket;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.archon.sim.ha.DemoNames;
import dev.archon.sim.ha.HaJson;
import dev.archon.sim.ha.demo.DemoHome;
import dev.archon.sim.ha.demo.EntityKind;
import dev.archon.sim.ha.demo.EntitySpec;

/**
 * The area, device and entity registries as {@code config/area_registry/list},
 * {@code config/device_registry/list} and {@code config/entity_registry/list} list them,
 * in the shapes of Home Assistant 2025: where clients learn which entity is in which
 * area, since states do not say. As in Home Assistant, an entity's own {@code area_id}
 * wins and a {@code null} one means the area of its device: the demo home assigns the
 * areas of actuators on the entities and those of sensors on their devices (one climate
 * sensor per area, a plug's power sensor on the plug), so that clients must read both.
 * Only the demo home's entities are registered; states set through the REST API are not,
 * as in Home Assistant.
 */
final class Registry {

	private static final String CONFIG_ENTRY = hexId("config_entry:demo");

	private final String areas;

	private final String devices;

	private final String entities;

	Registry(DemoHome home) {
		this.areas = HaJson.write(home.areas().stream().map(Registry::area).toList());
		Map<String, Map<String, @Nullable Object>> devices = new LinkedHashMap<>();
		List<Map<String, @Nullable Object>> entities = new ArrayList<>();
		List<EntitySpec> specs = home.entities().stream().sorted(Comparator.comparing(EntitySpec::entityId)).toList();
		for (EntitySpec spec : specs) {
			Device device = Device.of(spec);
			devices.computeIfAbsent(device.key(), (key) -> device.asDict());
			entities.add(entity(spec, device));
		}
		this.devices = HaJson.write(List.copyOf(devices.values()));
		this.entities = HaJson.write(entities);
	}

	String areas() {
		return this.areas;
	}

	String devices() {
		return this.devices;
	}

	String entities() {
		return this.entities;
	}

	private static Map<String, @Nullable Object> area(DemoHome.Area area) {
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
		return entry;
	}

	private static Map<String, @Nullable Object> entity(EntitySpec spec, Device device) {
		Map<String, @Nullable Object> entry = new LinkedHashMap<>();
		entry.put("area_id", device.sharesArea() ? null : spec.areaId());
		entry.put("categories", Map.of());
		entry.put("config_entry_id", CONFIG_ENTRY);
		entry.put("config_subentry_id", null);
		entry.put("created_at", 0.0);
		entry.put("device_id", device.id());
		entry.put("disabled_by", null);
		entry.put("entity_category", null);
		entry.put("entity_id", spec.entityId());
		entry.put("has_entity_name", false);
		entry.put("hidden_by", null);
		entry.put("icon", null);
		entry.put("id", hexId("entity:" + spec.entityId()));
		entry.put("labels", List.of());
		entry.put("modified_at", 0.0);
		entry.put("name", null);
		entry.put("options", Map.of());
		entry.put("original_name", spec.name());
		entry.put("platform", "demo");
		entry.put("translation_key", null);
		entry.put("unique_id", spec.entityId());
		return entry;
	}

	/** A 32-digit hex id, as Home Assistant's registries use, stable for one name. */
	private static String hexId(String name) {
		return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
	}

	/**
	 * The device an entity belongs to.
	 *
	 * @param key what identifies it in the demo integration
	 * @param name its name
	 * @param model its model
	 * @param areaId its area
	 * @param sharesArea whether its entities take their area from it rather than holding
	 * their own
	 */
	private record Device(String key, String name, String model, @Nullable String areaId, boolean sharesArea) {

		static Device of(EntitySpec spec) {
			String objectId = spec.entityId().substring(spec.entityId().indexOf('.') + 1);
			String area = (spec.areaId() != null) ? spec.areaId() : "home";
			return switch (spec.kind()) {
				case TEMPERATURE, HUMIDITY -> new Device(area + "_climate_sensor",
						DemoNames.title(area) + " Climate Sensor", "Climate Sensor", spec.areaId(), true);
				case POWER -> new Device(objectId.replaceFirst("_power$", ""), spec.name().replaceFirst(" Power$", ""),
						"Smart Plug", spec.areaId(), true);
				case MOTION, DOOR, WINDOW ->
					new Device(objectId, spec.name(), "Contact and Motion Sensor", spec.areaId(), true);
				default -> new Device(objectId, spec.name(), model(spec.kind()), spec.areaId(), false);
			};
		}

		private static String model(EntityKind kind) {
			return switch (kind) {
				case LIGHT -> "Dimmable Light";
				case SWITCH -> "Smart Plug";
				case CLIMATE -> "Thermostat";
				case LOCK -> "Door Lock";
				case COVER -> "Blinds";
				case MEDIA_PLAYER -> "Media Player";
				default -> "Weather Service";
			};
		}

		String id() {
			return hexId("device:" + this.key);
		}

		Map<String, @Nullable Object> asDict() {
			Map<String, @Nullable Object> entry = new LinkedHashMap<>();
			entry.put("area_id", this.areaId);
			entry.put("configuration_url", null);
			entry.put("config_entries", List.of(CONFIG_ENTRY));
			// Home Assistant lists a null subentry for a device of the entry itself.
			entry.put("config_entries_subentries", Map.of(CONFIG_ENTRY, Collections.singletonList(null)));
			entry.put("connections", List.of());
			entry.put("created_at", 0.0);
			entry.put("disabled_by", null);
			entry.put("entry_type", null);
			entry.put("hw_version", null);
			entry.put("id", id());
			entry.put("identifiers", List.of(List.of("demo", this.key)));
			entry.put("labels", List.of());
			entry.put("manufacturer", "Archon Simulated Devices");
			entry.put("model", this.model);
			entry.put("model_id", null);
			entry.put("modified_at", 0.0);
			entry.put("name_by_user", null);
			entry.put("name", this.name);
			entry.put("primary_config_entry", CONFIG_ENTRY);
			entry.put("serial_number", null);
			entry.put("sw_version", null);
			entry.put("via_device_id", null);
			return entry;
		}

	}

}
