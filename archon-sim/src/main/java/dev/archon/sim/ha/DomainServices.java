package dev.archon.sim.ha;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.archon.sim.ha.ServiceField.Type;

import org.springframework.stereotype.Component;

/**
 * The services of the demo home's integrations, changing state as Home Assistant's do:
 * lights, switches, thermostats, locks, covers, media players, automations, the weather
 * forecast and the {@code homeassistant} domain's generic ones.
 */
@Component
class DomainServices {

	private static final List<String> HVAC_MODES = List.of("off", "heat", "cool", "heat_cool", "auto", "dry",
			"fan_only");

	private static final List<String> GENERIC_DOMAINS = List.of("light", "switch", "climate", "cover", "media_player",
			"automation", "fan", "input_boolean");

	private final Services services;

	private final EventBus bus;

	DomainServices(Services services, EventBus bus) {
		this.services = services;
		this.bus = bus;
		registerLight();
		registerSwitch();
		registerClimate();
		registerLock();
		registerCover();
		registerMediaPlayer();
		registerAutomation();
		registerWeather();
		registerHomeAssistant();
	}

	private void registerLight() {
		List<ServiceField> onFields = List.of(
				ServiceField.number("brightness", "Number indicating brightness, 0 turns the light off.", Type.INT,
						false, 0, 255),
				ServiceField.number("brightness_pct", "Brightness in percent.", Type.INT, false, 0, 100),
				ServiceField.number("brightness_step", "Change brightness by an amount.", Type.INT, false, -225, 255),
				ServiceField.number("brightness_step_pct", "Change brightness by a percentage.", Type.INT, false, -100,
						100),
				ServiceField.number("transition", "Duration it takes to get to next state.", Type.FLOAT, false, 0, 300),
				ServiceField.number("color_temp_kelvin", "Color temperature in Kelvin.", Type.INT, false, 2000, 6500),
				ServiceField.optional("rgb_color", "The color in RGB format.", Type.ANY),
				ServiceField.select("flash", "Tell light to flash.", false, List.of("short", "long")),
				ServiceField.optional("effect", "Light effect.", Type.STRING));
		List<ServiceField> offFields = List.of(
				ServiceField.number("transition", "Duration it takes to get to next state.", Type.FLOAT, false, 0, 300),
				ServiceField.select("flash", "Tell light to flash.", false, List.of("short", "long")));
		entityService("light", "turn_on", "Turns on one or more lights and adjusts their properties.", onFields,
				(call, id, state) -> lightOn(call, id, state));
		entityService("light", "turn_off", "Turns off one or more lights.", offFields,
				(call, id, state) -> lightOff(call, id, state));
		entityService("light", "toggle", "Toggles one or more lights.", onFields, (call, id, state) -> {
			if ("on".equals(state.state())) {
				lightOff(call, id, state);
			}
			else {
				lightOn(call, id, state);
			}
		});
	}

	private static void lightOn(ServiceCall call, String id, HaState state) {
		Map<String, Object> attributes = copy(state);
		int brightness = (state.attributes().get("brightness") instanceof Number n) ? n.intValue() : 255;
		if (call.get("brightness") instanceof Integer value) {
			brightness = value;
		}
		else if (call.get("brightness_pct") instanceof Integer pct) {
			brightness = Math.round(pct * 255 / 100.0f);
		}
		else if (call.get("brightness_step") instanceof Integer step) {
			brightness = Math.max(0, Math.min(255, brightness + step));
		}
		else if (call.get("brightness_step_pct") instanceof Integer pct) {
			brightness = Math.max(0, Math.min(255, brightness + Math.round(pct * 255 / 100.0f)));
		}
		if (brightness == 0) {
			lightOff(call, id, state);
			return;
		}
		attributes.put("color_mode", "brightness");
		attributes.put("brightness", brightness);
		call.set(id, "on", freeze(attributes));
	}

	private static void lightOff(ServiceCall call, String id, HaState state) {
		Map<String, Object> attributes = copy(state);
		if (attributes.containsKey("brightness")) {
			attributes.put("color_mode", null);
			attributes.put("brightness", null);
		}
		call.set(id, "off", freeze(attributes));
	}

	private void registerSwitch() {
		for (String domain : List.of("switch", "input_boolean", "fan")) {
			entityService(domain, "turn_on", "Turns on.", List.of(),
					(call, id, state) -> call.set(id, "on", state.attributes()));
			entityService(domain, "turn_off", "Turns off.", List.of(),
					(call, id, state) -> call.set(id, "off", state.attributes()));
			entityService(domain, "toggle", "Toggles.", List.of(),
					(call, id, state) -> call.set(id, "on".equals(state.state()) ? "off" : "on", state.attributes()));
		}
	}

	private void registerClimate() {
		ServiceField hvacMode = ServiceField.select("hvac_mode", "HVAC operation mode.", false, HVAC_MODES);
		entityService("climate", "set_temperature", "Sets the temperature setpoint.", List.of(
				ServiceField.number("temperature", "The temperature setpoint.", Type.FLOAT, false, 0, 250),
				ServiceField.number("target_temp_high", "The max temperature setpoint.", Type.FLOAT, false, 0, 250),
				ServiceField.number("target_temp_low", "The min temperature setpoint.", Type.FLOAT, false, 0, 250),
				hvacMode), (call, id, state) -> {
					Map<String, Object> attributes = copy(state);
					String mode = state.state();
					if (call.get("hvac_mode") instanceof String requested) {
						mode = checkHvacMode(state, requested);
					}
					if (call.get("temperature") instanceof Double temperature) {
						double min = number(state, "min_temp", 7);
						double max = number(state, "max_temp", 35);
						if (temperature < min || temperature > max) {
							throw new ServiceValidationError("Provided temperature " + temperature
									+ " is not valid. Accepted range is " + min + " to " + max + ".");
						}
						attributes.put("temperature", temperature);
					}
					call.set(id, mode, freeze(attributes));
				});
		entityService("climate", "set_hvac_mode", "Sets HVAC operation mode.",
				List.of(ServiceField.select("hvac_mode", "HVAC operation mode.", true, HVAC_MODES)),
				(call, id, state) -> call.set(id, checkHvacMode(state, (String) call.get("hvac_mode")),
						state.attributes()));
		entityService("climate", "turn_on", "Turns climate device on.", List.of(),
				(call, id, state) -> call.set(id, onMode(state), state.attributes()));
		entityService("climate", "turn_off", "Turns climate device off.", List.of(),
				(call, id, state) -> call.set(id, "off", state.attributes()));
		entityService("climate", "toggle", "Toggles climate device, from on to off, or off to on.", List.of(), (call,
				id, state) -> call.set(id, "off".equals(state.state()) ? onMode(state) : "off", state.attributes()));
	}

	private static String checkHvacMode(HaState state, String requested) {
		Object modes = state.attributes().get("hvac_modes");
		if (modes instanceof List<?> list && !list.contains(requested)) {
			throw new ServiceValidationError("HVAC mode " + requested + " is not valid. Valid HVAC modes are: "
					+ String.join(", ", list.stream().map(String::valueOf).toList()) + ".");
		}
		return requested;
	}

	private static String onMode(HaState state) {
		if (state.attributes().get("hvac_modes") instanceof List<?> list) {
			for (Object mode : list) {
				if (!"off".equals(mode)) {
					return String.valueOf(mode);
				}
			}
		}
		return "heat";
	}

	private void registerLock() {
		List<ServiceField> code = List.of(ServiceField.optional("code", "Code used to lock or unlock.", Type.STRING));
		entityService("lock", "lock", "Locks a lock.", code,
				(call, id, state) -> call.set(id, "locked", state.attributes()));
		entityService("lock", "unlock", "Unlocks a lock.", code,
				(call, id, state) -> call.set(id, "unlocked", state.attributes()));
	}

	private void registerCover() {
		entityService("cover", "open_cover", "Opens a cover.", List.of(),
				(call, id, state) -> cover(call, id, state, 100));
		entityService("cover", "close_cover", "Closes a cover.", List.of(),
				(call, id, state) -> cover(call, id, state, 0));
		entityService("cover", "stop_cover", "Stops the cover movement.", List.of(), (call, id, state) -> {
		});
		entityService("cover", "toggle", "Toggles a cover open/closed.", List.of(),
				(call, id, state) -> cover(call, id, state, "closed".equals(state.state()) ? 100 : 0));
		entityService("cover", "set_cover_position", "Moves a cover to a specific position.",
				List.of(ServiceField.number("position", "Target position.", Type.INT, true, 0, 100)),
				(call, id, state) -> cover(call, id, state, (Integer) call.get("position")));
	}

	private static void cover(ServiceCall call, String id, HaState state, int position) {
		Map<String, Object> attributes = copy(state);
		attributes.put("current_position", position);
		call.set(id, (position > 0) ? "open" : "closed", freeze(attributes));
	}

	private void registerMediaPlayer() {
		entityService("media_player", "media_play", "Starts playing.", List.of(),
				(call, id, state) -> media(call, id, state, "playing"));
		entityService("media_player", "media_pause", "Pauses.", List.of(),
				(call, id, state) -> media(call, id, state, "paused"));
		entityService("media_player", "media_play_pause", "Toggles play/pause.", List.of(),
				(call, id, state) -> media(call, id, state, "playing".equals(state.state()) ? "paused" : "playing"));
		entityService("media_player", "media_stop", "Stops playing.", List.of(),
				(call, id, state) -> media(call, id, state, "idle"));
		entityService("media_player", "turn_on", "Turns on the power of the media player.", List.of(),
				(call, id, state) -> media(call, id, state, "off".equals(state.state()) ? "idle" : state.state()));
		entityService("media_player", "turn_off", "Turns off the power of the media player.", List.of(),
				(call, id, state) -> media(call, id, state, "off"));
		entityService("media_player", "toggle", "Toggles a media player on/off.", List.of(),
				(call, id, state) -> media(call, id, state, "off".equals(state.state()) ? "idle" : "off"));
		entityService(
				"media_player", "volume_set", "Sets the volume level.", List.of(ServiceField.number("volume_level",
						"The volume. 0 is inaudible, 1 is the maximum volume.", Type.FLOAT, true, 0, 1)),
				(call, id, state) -> {
					Map<String, Object> attributes = copy(state);
					attributes.put("volume_level", call.get("volume_level"));
					call.set(id, state.state(), freeze(attributes));
				});
		entityService(
				"media_player", "volume_mute", "Mutes or unmutes.", List.of(new ServiceField("is_volume_muted",
						"Defines whether or not it is muted.", Type.BOOLEAN, true, null, null, List.of())),
				(call, id, state) -> {
					Map<String, Object> attributes = copy(state);
					attributes.put("is_volume_muted", call.get("is_volume_muted"));
					call.set(id, state.state(), freeze(attributes));
				});
	}

	private static void media(ServiceCall call, String id, HaState state, String newState) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		if (!"off".equals(newState)) {
			attributes.put("volume_level", state.attributes().getOrDefault("volume_level", 0.35));
			attributes.put("is_volume_muted", state.attributes().getOrDefault("is_volume_muted", false));
			attributes.put("media_content_type", state.attributes().getOrDefault("media_content_type", "music"));
		}
		state.attributes().forEach((key, value) -> {
			if (!List.of("volume_level", "is_volume_muted", "media_content_type").contains(key)) {
				attributes.put(key, value);
			}
		});
		call.set(id, newState, freeze(attributes));
	}

	private void registerAutomation() {
		entityService("automation", "turn_on", "Enables an automation.", List.of(),
				(call, id, state) -> call.set(id, "on", state.attributes()));
		entityService(
				"automation", "turn_off", "Disables an automation.", List.of(new ServiceField("stop_actions",
						"Stops currently running actions.", Type.BOOLEAN, false, null, null, List.of())),
				(call, id, state) -> call.set(id, "off", state.attributes()));
		entityService("automation", "toggle", "Toggles (enable / disable) an automation.", List.of(),
				(call, id, state) -> call.set(id, "on".equals(state.state()) ? "off" : "on", state.attributes()));
		entityService("automation", "trigger", "Triggers the actions of an automation.",
				List.of(new ServiceField("skip_condition", "Whether or not the conditions will be skipped.",
						Type.BOOLEAN, false, null, null, List.of())),
				(call, id, state) -> {
					Map<String, Object> attributes = copy(state);
					attributes.put("last_triggered", Timestamps.iso(Timestamps.now()));
					call.set(id, state.state(), freeze(attributes));
					Map<String, @Nullable Object> data = new LinkedHashMap<>();
					data.put("name", state.attributes().get("friendly_name"));
					data.put("entity_id", id);
					data.put("source", "trigger service");
					this.bus.fire(HaEvent.of("automation_triggered", data, "LOCAL", call.context()));
				});
		this.services.register(new ServiceDefinition("automation", "reload", "Reloads the automation configuration.",
				List.of(), List.of(), SupportsResponse.NONE, (call) -> null));
	}

	private void registerWeather() {
		this.services.register(new ServiceDefinition("weather", "get_forecasts", "Get weather forecasts.",
				List.of(ServiceField.select("type", "Forecast type: daily, hourly or twice daily.", true,
						List.of("daily", "hourly", "twice_daily"))),
				List.of("weather"), SupportsResponse.ONLY, (call) -> {
					Map<String, Object> response = new LinkedHashMap<>();
					String type = (String) call.get("type");
					Duration step = "hourly".equals(type) ? Duration.ofHours(1)
							: "daily".equals(type) ? Duration.ofDays(1) : Duration.ofHours(12);
					for (String id : call.entityIds()) {
						List<Map<String, Object>> forecast = new ArrayList<>();
						Instant at = Timestamps.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
						for (int i = 0; i < 5; i++) {
							Map<String, Object> entry = new LinkedHashMap<>();
							entry.put("condition", (i % 2 == 0) ? "sunny" : "partlycloudy");
							entry.put("datetime", Timestamps.iso(at.plus(step.multipliedBy(i))));
							entry.put("temperature", 14.0 + i);
							entry.put("templow", 8.0 + i);
							entry.put("precipitation", 0.0);
							entry.put("humidity", 70);
							forecast.add(entry);
						}
						response.put(id, Map.of("forecast", forecast));
					}
					return response;
				}));
	}

	private void registerHomeAssistant() {
		for (String service : List.of("turn_on", "turn_off", "toggle")) {
			this.services.register(new ServiceDefinition("homeassistant", service,
					"Generic action to " + service.replace('_', ' ') + " devices.", List.of(), GENERIC_DOMAINS,
					SupportsResponse.NONE, (call) -> {
						for (String id : call.entityIds()) {
							ServiceDefinition specific = this.services.get(EntityIds.domain(id), service);
							HaState state = call.state(id);
							if (specific != null && state != null) {
								specific.handler().handle(call.delegate(EntityIds.domain(id), service, id));
							}
						}
						return null;
					}));
		}
		for (String service : List.of("stop", "restart", "reload_core_config", "check_config")) {
			this.services.register(new ServiceDefinition("homeassistant", service, "Home Assistant " + service + ".",
					List.of(), List.of(), SupportsResponse.NONE, (call) -> null));
		}
		this.services.register(new ServiceDefinition("homeassistant", "update_entity",
				"Forces one or more entities to update their data.", List.of(), GENERIC_DOMAINS, SupportsResponse.NONE,
				(call) -> null));
	}

	private void entityService(String domain, String service, String description, List<ServiceField> fields,
			EntityAction action) {
		this.services.register(new ServiceDefinition(domain, service, description, fields, List.of(domain),
				SupportsResponse.NONE, (call) -> {
					for (String id : call.entityIds()) {
						HaState state = call.state(id);
						if (state != null) {
							action.apply(call, id, state);
						}
					}
					return null;
				}));
	}

	private static Map<String, Object> copy(HaState state) {
		return new LinkedHashMap<>(state.attributes());
	}

	private static Map<String, Object> freeze(Map<String, @Nullable Object> attributes) {
		@SuppressWarnings("unchecked")
		Map<String, Object> result = (Map<String, Object>) (Map<String, ?>) Collections.unmodifiableMap(attributes);
		return result;
	}

	private static double number(HaState state, String key, double fallback) {
		return (state.attributes().get(key) instanceof Number n) ? n.doubleValue() : fallback;
	}

	@FunctionalInterface
	private interface EntityAction {

		void apply(ServiceCall call, String entityId, HaState state);

	}

}
