package dev.archon.sim.ha.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;

import dev.archon.sim.ha.Automations;
import dev.archon.sim.ha.EntityIds;
import dev.archon.sim.ha.EventBus;
import dev.archon.sim.ha.HaContext;
import dev.archon.sim.ha.HaEvent;
import dev.archon.sim.ha.HaJson;
import dev.archon.sim.ha.HaSimProperties;
import dev.archon.sim.ha.HaState;
import dev.archon.sim.ha.HomeConfig;
import dev.archon.sim.ha.InvalidServiceData;
import dev.archon.sim.ha.ServiceDefinition;
import dev.archon.sim.ha.ServiceNotFound;
import dev.archon.sim.ha.ServiceValidationError;
import dev.archon.sim.ha.Services;
import dev.archon.sim.ha.States;
import dev.archon.sim.ha.SupportsResponse;
import dev.archon.sim.ha.Timestamps;
import dev.archon.sim.ha.history.History;
import dev.archon.sim.ha.history.HistoryJson;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Home Assistant's REST API ({@code homeassistant.components.api}, {@code history} and
 * the automation editor's {@code config} view), with its status codes and messages.
 * Bodies are written with the simulator's own mapper so that their shape never depends on
 * the application's Jackson settings.
 */
@RestController
class HaApiController {

	private static final long MICROS_PER_DAY = 86_400_000_000L;

	private final States states;

	private final Services services;

	private final EventBus bus;

	private final HomeConfig config;

	private final Automations automations;

	private final History history;

	private final HistoryJson historyJson;

	private final ZoneId zone;

	HaApiController(States states, Services services, EventBus bus, HomeConfig config, Automations automations,
			History history, HistoryJson historyJson, HaSimProperties properties) {
		this.states = states;
		this.services = services;
		this.bus = bus;
		this.config = config;
		this.automations = automations;
		this.history = history;
		this.historyJson = historyJson;
		this.zone = ZoneId.of(properties.timeZone());
	}

	@GetMapping({ "/api", "/api/" })
	ResponseEntity<String> running() {
		return message(HttpStatus.OK, "API running.");
	}

	@GetMapping("/api/config")
	ResponseEntity<String> config() {
		return json(HttpStatus.OK, HaJson.write(this.config.asDict()));
	}

	@GetMapping("/api/states")
	ResponseEntity<String> states() {
		StringBuilder body = new StringBuilder(this.states.size() * 400);
		body.append('[');
		for (HaState state : this.states.all()) {
			if (body.length() > 1) {
				body.append(',');
			}
			body.append(state.json());
		}
		return json(HttpStatus.OK, body.append(']').toString());
	}

	@GetMapping("/api/states/{entityId}")
	ResponseEntity<String> state(@PathVariable String entityId) {
		HaState state = this.states.get(entityId);
		return (state != null) ? json(HttpStatus.OK, state.json()) : message(HttpStatus.NOT_FOUND, "Entity not found.");
	}

	@PostMapping("/api/states/{entityId}")
	ResponseEntity<String> setState(@PathVariable String entityId,
			@RequestBody(required = false) @Nullable String body) {
		if (!EntityIds.isValid(entityId)) {
			return message(HttpStatus.BAD_REQUEST, "Invalid entity ID specified.");
		}
		Map<String, Object> data = parseObject(body);
		if (data == null) {
			return message(HttpStatus.BAD_REQUEST, "Invalid JSON specified.");
		}
		Object newState = data.get("state");
		if (newState == null) {
			return message(HttpStatus.BAD_REQUEST, "No state specified.");
		}
		String text = (newState instanceof String string) ? string : HaJson.write(newState);
		if (text.length() > 255) {
			return message(HttpStatus.BAD_REQUEST,
					"Invalid state with length " + text.length() + ". State max length is 255 characters.");
		}
		Map<String, Object> attributes = (data.get("attributes") instanceof Map<?, ?> map) ? stringKeys(map) : Map.of();
		boolean forceUpdate = Boolean.TRUE.equals(data.get("force_update"));
		boolean created = this.states.get(entityId) == null;
		HaState state = this.states.set(entityId, text, attributes, forceUpdate, HaContext.byOwner());
		return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
			.header(HttpHeaders.LOCATION, "/api/states/" + entityId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(state.json());
	}

	@DeleteMapping("/api/states/{entityId}")
	ResponseEntity<String> removeState(@PathVariable String entityId) {
		return this.states.remove(entityId, HaContext.byOwner()) ? message(HttpStatus.OK, "Entity removed.")
				: message(HttpStatus.NOT_FOUND, "Entity not found.");
	}

	@GetMapping("/api/services")
	ResponseEntity<String> services() {
		List<Map<String, Object>> list = new ArrayList<>();
		this.services.describe().forEach((domain, described) -> {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("domain", domain);
			entry.put("services", described);
			list.add(entry);
		});
		return json(HttpStatus.OK, HaJson.write(list));
	}

	@PostMapping("/api/services/{domain}/{service}")
	ResponseEntity<String> callService(@PathVariable String domain, @PathVariable String service,
			HttpServletRequest request, @RequestBody(required = false) @Nullable String body) {
		Map<String, Object> data = (body == null || body.isBlank()) ? Map.of() : parseObject(body);
		if (data == null) {
			return message(HttpStatus.BAD_REQUEST, "Data should be valid JSON.");
		}
		ServiceDefinition definition = this.services.get(domain, service);
		if (definition == null) {
			return badRequest();
		}
		// Read from the query string alone: asking the request for parameters would parse
		// a body sent as a form, and Home Assistant reads the body whatever its type.
		boolean responseRequested = hasQueryParameter(request.getQueryString(), "return_response");
		if (responseRequested && definition.supportsResponse() == SupportsResponse.NONE) {
			return message(HttpStatus.BAD_REQUEST,
					"Service does not support responses. Remove return_response from request.");
		}
		if (!responseRequested && definition.supportsResponse() == SupportsResponse.ONLY) {
			return message(HttpStatus.BAD_REQUEST, "Service call requires responses but caller did not ask for "
					+ "responses. Add ?return_response to query parameters.");
		}
		Services.Result result;
		try {
			result = this.services.call(domain, service, data, null, HaContext.byOwner(), responseRequested);
		}
		catch (InvalidServiceData | ServiceNotFound ex) {
			return badRequest();
		}
		catch (ServiceValidationError ex) {
			return message(HttpStatus.BAD_REQUEST, ex.getMessage());
		}
		StringBuilder changed = new StringBuilder("[");
		for (HaState state : result.changedStates()) {
			if (changed.length() > 1) {
				changed.append(',');
			}
			changed.append(state.json());
		}
		changed.append(']');
		if (responseRequested) {
			return json(HttpStatus.OK, "{\"changed_states\":" + changed + ",\"service_response\":"
					+ HaJson.write(result.response()) + "}");
		}
		return json(HttpStatus.OK, changed.toString());
	}

	@GetMapping("/api/events")
	ResponseEntity<String> events() {
		List<Map<String, Object>> list = new ArrayList<>();
		this.bus.listenerCounts().forEach((type, count) -> list.add(Map.of("event", type, "listener_count", count)));
		return json(HttpStatus.OK, HaJson.write(list));
	}

	@PostMapping("/api/events/{eventType}")
	ResponseEntity<String> fireEvent(@PathVariable String eventType,
			@RequestBody(required = false) @Nullable String body) {
		Map<String, @Nullable Object> data = new LinkedHashMap<>();
		if (body != null && !body.isBlank()) {
			Object parsed;
			try {
				parsed = HaJson.MAPPER.readValue(body, Object.class);
			}
			catch (JacksonException ex) {
				return message(HttpStatus.BAD_REQUEST, "Event data should be valid JSON.");
			}
			if (parsed != null && !(parsed instanceof Map<?, ?>)) {
				return message(HttpStatus.BAD_REQUEST, "Event data should be a JSON object");
			}
			if (parsed instanceof Map<?, ?> map) {
				data.putAll(stringKeys(map));
			}
		}
		this.bus.fire(HaEvent.of(eventType, data, "REMOTE", HaContext.byOwner()));
		return message(HttpStatus.OK, "Event " + eventType + " fired.");
	}

	@GetMapping("/api/config/automation/config/{id}")
	ResponseEntity<String> automation(@PathVariable String id) {
		Map<String, Object> config = this.automations.get(id);
		return (config != null) ? json(HttpStatus.OK, HaJson.write(config))
				: message(HttpStatus.NOT_FOUND, "Resource not found");
	}

	@PostMapping("/api/config/automation/config/{id}")
	ResponseEntity<String> saveAutomation(@PathVariable String id,
			@RequestBody(required = false) @Nullable String body) {
		Map<String, Object> config = parseObject(body);
		if (config == null) {
			return message(HttpStatus.BAD_REQUEST, "Invalid JSON specified.");
		}
		try {
			this.automations.save(id, config, HaContext.byOwner());
		}
		catch (InvalidServiceData ex) {
			return message(HttpStatus.BAD_REQUEST, "Message malformed: " + ex.getMessage());
		}
		return json(HttpStatus.OK, "{\"result\":\"ok\"}");
	}

	@DeleteMapping("/api/config/automation/config/{id}")
	ResponseEntity<String> deleteAutomation(@PathVariable String id) {
		return this.automations.delete(id, HaContext.byOwner()) ? json(HttpStatus.OK, "{\"result\":\"ok\"}")
				: message(HttpStatus.NOT_FOUND, "Resource not found");
	}

	@GetMapping({ "/api/history/period", "/api/history/period/{timestamp}" })
	void history(@PathVariable(required = false) @Nullable String timestamp, @RequestParam Map<String, String> query,
			HttpServletResponse response) throws IOException {
		Instant now = Timestamps.now();
		Instant start = now.minus(Duration.ofDays(1));
		if (timestamp != null) {
			Instant parsed = Timestamps.parse(timestamp, this.zone);
			if (parsed == null) {
				HaApiFilter.write(response, 400, "{\"message\":\"Invalid datetime\"}");
				return;
			}
			start = parsed;
		}
		String filter = query.get("filter_entity_id");
		if (filter == null || filter.isBlank()) {
			HaApiFilter.write(response, 400, "{\"message\":\"filter_entity_id is missing\"}");
			return;
		}
		List<String> entityIds = new ArrayList<>();
		for (String part : filter.trim().toLowerCase(Locale.ROOT).split(",")) {
			String entityId = part.trim();
			if (this.states.get(entityId) == null && !EntityIds.isValid(entityId)) {
				HaApiFilter.write(response, 400, "{\"message\":\"Invalid filter_entity_id\"}");
				return;
			}
			entityIds.add(entityId);
		}
		if (start.isAfter(now)) {
			HaApiFilter.write(response, 200, "[]");
			return;
		}
		long startMicros = Timestamps.micros(start);
		long endMicros = startMicros + MICROS_PER_DAY;
		String endTime = query.get("end_time");
		if (endTime != null) {
			Instant end = Timestamps.parse(endTime, this.zone);
			if (end == null) {
				HaApiFilter.write(response, 400, "{\"message\":\"Invalid end_time\"}");
				return;
			}
			endMicros = Timestamps.micros(end);
		}
		HistoryJson.Query historyQuery = new HistoryJson.Query(entityIds, startMicros, endMicros,
				!query.containsKey("skip_initial_state"),
				!"0".equals(query.getOrDefault("significant_changes_only", "1")), query.containsKey("minimal_response"),
				query.containsKey("no_attributes"));
		response.setStatus(200);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		OutputStream out = response.getOutputStream();
		try (JsonGenerator generator = HaJson.MAPPER.createGenerator(out)) {
			this.historyJson.writeRest(generator, historyQuery);
		}
	}

	private static boolean hasQueryParameter(@Nullable String queryString, String name) {
		if (queryString == null) {
			return false;
		}
		for (String pair : queryString.split("&")) {
			int equals = pair.indexOf('=');
			if (((equals < 0) ? pair : pair.substring(0, equals)).equals(name)) {
				return true;
			}
		}
		return false;
	}

	private static @Nullable Map<String, Object> parseObject(@Nullable String body) {
		if (body == null || body.isBlank()) {
			return null;
		}
		try {
			Object parsed = HaJson.MAPPER.readValue(body, Object.class);
			return (parsed instanceof Map<?, ?> map) ? stringKeys(map) : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static Map<String, Object> stringKeys(Map<?, ?> map) {
		Map<String, Object> result = new LinkedHashMap<>();
		map.forEach((key, value) -> result.put(String.valueOf(key), value));
		return result;
	}

	private static ResponseEntity<String> badRequest() {
		// aiohttp's bare HTTPBadRequest, which Home Assistant raises for an unknown
		// service or data that fails its schema.
		return message(HttpStatus.BAD_REQUEST, "400: Bad Request");
	}

	static ResponseEntity<String> message(HttpStatus status, String message) {
		return json(status, HaJson.write(Map.of("message", message)));
	}

	static ResponseEntity<String> json(HttpStatus status, String json) {
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(json);
	}

}
