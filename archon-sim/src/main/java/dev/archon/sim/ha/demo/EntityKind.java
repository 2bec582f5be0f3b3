package dev.archon.sim.ha.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The kinds of entity in the demo home, with the states and attributes Home Assistant's
 * integrations give them. Kinds that switch between two states keep a whole day of
 * history as intervals of their active state; measuring kinds keep samples.
 */
public enum EntityKind {

	/** A dimmable light. */
	LIGHT("light", "on", "off"),
	/** A switch or smart plug. */
	SWITCH("switch", "on", "off"),
	/** A temperature sensor in °C. */
	TEMPERATURE("sensor", null, null),
	/** A relative humidity sensor in %. */
	HUMIDITY("sensor", null, null),
	/** A power sensor in W. */
	POWER("sensor", null, null),
	/** A motion sensor. */
	MOTION("binary_sensor", "on", "off"),
	/** A door contact. */
	DOOR("binary_sensor", "on", "off"),
	/** A window contact. */
	WINDOW("binary_sensor", "on", "off"),
	/** A heating thermostat; active means heating. */
	CLIMATE("climate", "heat", "off"),
	/** A door lock; active means unlocked. */
	LOCK("lock", "unlocked", "locked"),
	/** A blind; active means open. */
	COVER("cover", "open", "closed"),
	/** A TV or speaker; active means playing. */
	MEDIA_PLAYER("media_player", "playing", "off"),
	/** The weather. */
	WEATHER("weather", null, null);

	/** Light features: transition. */
	static final int LIGHT_FEATURES = 32;

	/** Climate features: target temperature, turn off, turn on. */
	static final int CLIMATE_FEATURES = 1 | 128 | 256;

	/** Cover features: open, close, set position, stop. */
	static final int COVER_FEATURES = 15;

	/** Media player features: pause, volume set and mute, turn on and off, stop, play. */
	static final int MEDIA_PLAYER_FEATURES = 1 | 4 | 8 | 128 | 256 | 4096 | 16384;

	private final String domain;

	private final @Nullable String active;

	private final @Nullable String inactive;

	EntityKind(String domain, @Nullable String active, @Nullable String inactive) {
		this.domain = domain;
		this.active = active;
		this.inactive = inactive;
	}

	public String domain() {
		return this.domain;
	}

	/**
	 * Whether the kind's history is a set of intervals in an active state.
	 * @return {@code true} for two-state kinds
	 */
	public boolean isBinary() {
		return this.active != null;
	}

	public String active() {
		if (this.active == null) {
			throw new IllegalStateException(this + " has no active state");
		}
		return this.active;
	}

	public String inactive() {
		if (this.inactive == null) {
			throw new IllegalStateException(this + " has no inactive state");
		}
		return this.inactive;
	}

	/**
	 * The attributes an entity of this kind has in a given state, in the order Home
	 * Assistant's integrations write them.
	 * @param spec the entity
	 * @param state its state
	 * @return a new, mutable map
	 */
	public Map<String, Object> attributes(EntitySpec spec, String state) {
		Map<String, @Nullable Object> attributes = new LinkedHashMap<>(8);
		switch (this) {
			case LIGHT -> {
				boolean on = "on".equals(state);
				attributes.put("supported_color_modes", List.of("brightness"));
				attributes.put("color_mode", on ? "brightness" : null);
				attributes.put("brightness", on ? spec.brightness() : null);
			}
			case TEMPERATURE -> measurement(attributes, "°C", "temperature");
			case HUMIDITY -> measurement(attributes, "%", "humidity");
			case POWER -> measurement(attributes, "W", "power");
			case MOTION -> attributes.put("device_class", "motion");
			case DOOR -> attributes.put("device_class", "door");
			case WINDOW -> attributes.put("device_class", "window");
			case CLIMATE -> {
				attributes.put("hvac_modes", List.of("off", "heat"));
				attributes.put("min_temp", 7.0);
				attributes.put("max_temp", 35.0);
				attributes.put("target_temp_step", 0.5);
				attributes.put("current_temperature", 20.5);
				attributes.put("temperature", "heat".equals(state) ? 21.0 : null);
			}
			case COVER -> {
				attributes.put("current_position", "open".equals(state) ? 100 : 0);
				attributes.put("device_class", "blind");
			}
			case MEDIA_PLAYER -> {
				if (!"off".equals(state)) {
					attributes.put("volume_level", 0.35);
					attributes.put("is_volume_muted", false);
					attributes.put("media_content_type", spec.entityId().endsWith("_tv") ? "tvshow" : "music");
				}
				attributes.put("device_class", spec.entityId().endsWith("_tv") ? "tv" : "speaker");
			}
			case WEATHER -> {
				attributes.put("temperature", 14.5);
				attributes.put("humidity", 71);
				attributes.put("temperature_unit", "°C");
				attributes.put("pressure_unit", "hPa");
				attributes.put("wind_speed_unit", "km/h");
			}
			default -> {
			}
		}
		attributes.put("friendly_name", spec.name());
		switch (this) {
			case LIGHT -> attributes.put("supported_features", LIGHT_FEATURES);
			case CLIMATE -> attributes.put("supported_features", CLIMATE_FEATURES);
			case LOCK -> attributes.put("supported_features", 0);
			case COVER -> attributes.put("supported_features", COVER_FEATURES);
			case MEDIA_PLAYER -> attributes.put("supported_features", MEDIA_PLAYER_FEATURES);
			case WEATHER -> attributes.put("supported_features", 1);
			default -> {
			}
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> result = (Map<String, Object>) (Map<String, ?>) attributes;
		return result;
	}

	private static void measurement(Map<String, @Nullable Object> attributes, String unit, String deviceClass) {
		attributes.put("state_class", "measurement");
		attributes.put("unit_of_measurement", unit);
		attributes.put("device_class", deviceClass);
	}

}
