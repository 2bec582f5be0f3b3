package dev.archon.sim.ha;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The core configuration, as {@code /api/config} and {@code get_config} report it
 * ({@code hass.config.as_dict()}).
 */
@Component
public class HomeConfig {

	private static final List<String> COMPONENTS = List.of("api", "automation", "binary_sensor", "climate", "config",
			"cover", "history", "homeassistant", "http", "light", "lock", "media_player", "recorder", "sensor",
			"switch", "weather", "websocket_api");

	private final Map<String, Object> config;

	public HomeConfig(HaSimProperties properties) {
		Map<String, Object> config = new LinkedHashMap<>();
		config.put("allowlist_external_dirs", List.of("/config/www", "/media"));
		config.put("allowlist_external_urls", List.of());
		config.put("components", COMPONENTS);
		config.put("config_dir", "/config");
		config.put("config_source", "storage");
		config.put("country", "DE");
		config.put("currency", "EUR");
		config.put("debug", false);
		config.put("elevation", 34);
		config.put("external_url", null);
		config.put("internal_url", null);
		config.put("language", "en");
		config.put("latitude", 52.520008);
		config.put("location_name", "Archon Demo Home");
		config.put("longitude", 13.404954);
		config.put("radius", 100);
		config.put("recovery_mode", false);
		config.put("safe_mode", false);
		config.put("state", "RUNNING");
		config.put("time_zone", properties.timeZone());
		Map<String, String> units = new LinkedHashMap<>();
		units.put("length", "km");
		units.put("accumulated_precipitation", "mm");
		units.put("area", "m²");
		units.put("mass", "g");
		units.put("pressure", "Pa");
		units.put("temperature", "°C");
		units.put("volume", "L");
		units.put("wind_speed", "m/s");
		config.put("unit_system", units);
		config.put("version", properties.version());
		config.put("whitelist_external_dirs", List.of("/config/www", "/media"));
		this.config = java.util.Collections.unmodifiableMap(config);
	}

	public Map<String, Object> asDict() {
		return this.config;
	}

}
