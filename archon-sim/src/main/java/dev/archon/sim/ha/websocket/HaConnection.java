package dev.archon.sim.ha.websocket;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

import dev.archon.sim.SimToken;
import dev.archon.sim.ha.EntityIds;
import dev.archon.sim.ha.EventBus;
import dev.archon.sim.ha.Faults;
import dev.archon.sim.ha.HaContext;
import dev.archon.sim.ha.HaEvent;
import dev.archon.sim.ha.HaJson;
import dev.archon.sim.ha.HaState;
import dev.archon.sim.ha.InvalidServiceData;
import dev.archon.sim.ha.ServiceNotFound;
import dev.archon.sim.ha.ServiceValidationError;
import dev.archon.sim.ha.Services;
import dev.archon.sim.ha.Timestamps;
import dev.archon.sim.ha.history.HistoryJson;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

/**
 * One client of the WebSocket API: the auth phase, then commands with Home Assistant's id
 * rules, results, errors and subscriptions. Commands arrive one at a time per connection
 * (the container delivers them in order); events arrive from any thread and only ever
 * touch the outbox.
 */
final class HaConnection {

	private final WebSocketSession session;

	private final HaWebSocketHandler.Context home;

	private final Outbox outbox;

	private final Map<Integer, Runnable> subscriptions = new ConcurrentHashMap<>();

	private volatile boolean authenticated;

	private int lastId;

	private @Nullable ScheduledFuture<?> authTimeout;

	HaConnection(WebSocketSession session, HaWebSocketHandler.Context home) {
		this.session = session;
		this.home = home;
		this.outbox = new Outbox(session, home.properties().websocket());
	}

	void start() {
		this.outbox
			.send("{\"type\":\"auth_required\",\"ha_version\":" + HaJson.write(this.home.properties().version()) + "}");
		this.authTimeout = this.home.scheduler().schedule(() -> {
			if (!this.authenticated) {
				this.outbox.stop();
			}
		}, this.home.properties().websocket().authTimeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
	}

	String id() {
		return this.session.getId();
	}

	void drop() {
		this.outbox.stop();
		try {
			this.session.close(CloseStatus.GOING_AWAY);
		}
		catch (java.io.IOException | IllegalStateException ex) {
			// Already gone.
		}
	}

	void closed() {
		this.outbox.stop();
		ScheduledFuture<?> timeout = this.authTimeout;
		if (timeout != null) {
			timeout.cancel(false);
		}
		this.subscriptions.values().forEach(Runnable::run);
		this.subscriptions.clear();
	}

	void receive(String payload) {
		JsonNode message;
		try {
			message = HaJson.MAPPER.readTree(payload);
		}
		catch (JacksonException ex) {
			// Home Assistant disconnects a client that sends something that is not JSON.
			this.outbox.stop();
			return;
		}
		if (!this.authenticated) {
			authenticate(message);
			return;
		}
		if (message.isArray()) {
			for (JsonNode command : message) {
				command(command);
			}
		}
		else {
			command(message);
		}
	}

	private void authenticate(JsonNode message) {
		JsonNode token = message.get("access_token");
		if (!message.isObject() || !"auth".equals(text(message, "type")) || token == null || !token.isString()) {
			this.outbox.send(authInvalid(
					"Auth message incorrectly formatted: required key not provided @ " + "data['access_token']"));
			this.outbox.closeAfterFlush();
			return;
		}
		if (!this.home.token().matches(token.asString())) {
			this.outbox.send(authInvalid("Invalid access token or password"));
			this.outbox.closeAfterFlush();
			return;
		}
		this.authenticated = true;
		ScheduledFuture<?> timeout = this.authTimeout;
		if (timeout != null) {
			timeout.cancel(false);
		}
		this.outbox
			.send("{\"type\":\"auth_ok\",\"ha_version\":" + HaJson.write(this.home.properties().version()) + "}");
	}

	private void command(JsonNode message) {
		JsonNode idNode = message.isObject() ? message.get("id") : null;
		String type = message.isObject() ? text(message, "type") : null;
		if (idNode == null || !idNode.isIntegralNumber() || idNode.asLong() <= 0 || type == null) {
			int id = (idNode != null && idNode.isIntegralNumber()) ? idNode.asInt() : 0;
			this.outbox.send(error(id, "invalid_format", "Message incorrectly formatted."));
			return;
		}
		int id = idNode.asInt();
		if (id <= this.lastId) {
			this.outbox.send(error(id, "id_reuse", "Identifier values have to increase."));
			return;
		}
		Faults faults = this.home.faults();
		faults.delay();
		if (faults.strikes(Faults.Mode.DROP_WEBSOCKET) != null) {
			drop();
			return;
		}
		if (!handle(id, type, message)) {
			this.outbox.send(error(id, "unknown_command", "Unknown command."));
			return;
		}
		this.lastId = id;
	}

	private boolean handle(int id, String type, JsonNode message) {
		try {
			switch (type) {
				case "ping" -> this.outbox.send("{\"id\":" + id + ",\"type\":\"pong\"}");
				case "supported_features" -> supportedFeatures(id, message);
				case "get_states" -> getStates(id);
				case "get_config" -> this.outbox.send(result(id, HaJson.write(this.home.config().asDict())));
				case "get_services" -> this.outbox.send(result(id, HaJson.write(this.home.services().describe())));
				case "auth/current_user" -> this.outbox.send(result(id, currentUser()));
				case "subscribe_events" -> subscribeEvents(id, message);
				case "unsubscribe_events" -> unsubscribe(id, message);
				case "subscribe_entities" -> subscribeEntities(id, message);
				case "call_service" -> callService(id, message);
				case "history/history_during_period" -> history(id, message);
				case "config/area_registry/list" -> this.outbox.send(result(id, this.home.registry().areas()));
				case "config/device_registry/list" -> this.outbox.send(result(id, this.home.registry().devices()));
				case "config/entity_registry/list" -> this.outbox.send(result(id, this.home.registry().entities()));
				default -> {
					return false;
				}
			}
		}
		catch (InvalidServiceData ex) {
			this.outbox.send(error(id, "invalid_format", ex.getMessage()));
		}
		catch (ServiceNotFound ex) {
			this.outbox.send(error(id, "not_found", ex.getMessage()));
		}
		catch (ServiceValidationError ex) {
			this.outbox.send(error(id, "service_validation_error", ex.getMessage()));
		}
		catch (RuntimeException ex) {
			this.outbox.send(error(id, "unknown_error", "Unknown error"));
		}
		return true;
	}

	private void supportedFeatures(int id, JsonNode message) {
		JsonNode features = message.get("features");
		if (features == null || !features.isObject()) {
			throw new InvalidServiceData("required key not provided @ data['features']");
		}
		JsonNode coalesce = features.get("coalesce_messages");
		// The result goes out before coalescing starts, as in Home Assistant.
		this.outbox.send(result(id, "null"));
		if (coalesce != null && coalesce.asInt(0) == 1) {
			this.outbox.coalesce();
		}
	}

	private void getStates(int id) {
		StringBuilder body = new StringBuilder(this.home.states().size() * 400).append('[');
		for (HaState state : this.home.states().all()) {
			if (body.length() > 1) {
				body.append(',');
			}
			body.append(state.json());
		}
		this.outbox.send(result(id, body.append(']').toString()));
	}

	private void subscribeEvents(int id, JsonNode message) {
		String eventType = text(message, "event_type");
		String prefix = "{\"id\":" + id + ",\"type\":\"event\",\"event\":";
		Forwarder forwarder = new Forwarder((event) -> prefix + event.json() + "}");
		Runnable unsubscribe = this.home.bus().listen((eventType != null) ? eventType : EventBus.MATCH_ALL, forwarder);
		this.subscriptions.put(id, unsubscribe);
		this.outbox.send(result(id, "null"));
		forwarder.start();
	}

	private void unsubscribe(int id, JsonNode message) {
		JsonNode subscription = message.get("subscription");
		if (subscription == null || !subscription.isIntegralNumber()) {
			throw new InvalidServiceData("required key not provided @ data['subscription']");
		}
		Runnable unsubscribe = this.subscriptions.remove(subscription.asInt());
		if (unsubscribe == null) {
			this.outbox.send(error(id, "not_found", "Subscription not found."));
			return;
		}
		unsubscribe.run();
		this.outbox.send(result(id, "null"));
	}

	private void subscribeEntities(int id, JsonNode message) {
		Set<String> filter = entityIds(message.get("entity_ids"));
		String prefix = "{\"id\":" + id + ",\"type\":\"event\",\"event\":";
		Forwarder forwarder = new Forwarder((event) -> {
			String entityId = (String) event.data().get("entity_id");
			if (filter != null && !filter.contains(entityId)) {
				return null;
			}
			return prefix + StateDiffs.of(event) + "}";
		});
		Runnable unsubscribe = this.home.bus().listen(HaEvent.STATE_CHANGED, forwarder);
		this.subscriptions.put(id, unsubscribe);
		this.outbox.send(result(id, "null"));
		Map<String, HaState> snapshot = new LinkedHashMap<>();
		for (HaState state : this.home.states().all()) {
			if (filter == null || filter.contains(state.entityId())) {
				snapshot.put(state.entityId(), state);
			}
		}
		this.outbox.send(prefix + StateDiffs.added(snapshot) + "}");
		forwarder.start();
	}

	private void callService(int id, JsonNode message) {
		String domain = text(message, "domain");
		String service = text(message, "service");
		if (domain == null) {
			throw new InvalidServiceData("required key not provided @ data['domain']");
		}
		if (service == null) {
			throw new InvalidServiceData("required key not provided @ data['service']");
		}
		Map<String, Object> data = object(message, "service_data");
		Map<String, Object> target = object(message, "target");
		JsonNode returnResponse = message.get("return_response");
		boolean responseRequested = returnResponse != null && returnResponse.asBoolean(false);
		if (this.home.faults().strikes(Faults.Mode.ERROR) != null) {
			this.outbox.send(error(id, "home_assistant_error", "Simulated fault: Home Assistant could not do it"));
			return;
		}
		HaContext context = HaContext.byOwner();
		Services.Result outcome = this.home.services().call(domain, service, data, target, context, responseRequested);
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("context", context.asDict());
		if (responseRequested) {
			body.put("response", outcome.response());
		}
		this.outbox.send(result(id, HaJson.write(body)));
	}

	private void history(int id, JsonNode message) {
		ZoneId zone = this.home.zone();
		String startText = text(message, "start_time");
		if (startText == null) {
			throw new InvalidServiceData("required key not provided @ data['start_time']");
		}
		Instant start = Timestamps.parse(startText, zone);
		if (start == null) {
			this.outbox.send(error(id, "invalid_start_time", "Invalid start_time"));
			return;
		}
		String endText = text(message, "end_time");
		Instant end = Timestamps.now();
		if (endText != null) {
			Instant parsed = Timestamps.parse(endText, zone);
			if (parsed == null) {
				this.outbox.send(error(id, "invalid_end_time", "Invalid end_time"));
				return;
			}
			end = parsed;
		}
		if (start.isAfter(Timestamps.now())) {
			this.outbox.send(result(id, "{}"));
			return;
		}
		Set<String> entityIds = entityIds(message.get("entity_ids"));
		if (entityIds == null) {
			throw new InvalidServiceData("required key not provided @ data['entity_ids']");
		}
		HistoryJson.Query query = new HistoryJson.Query(new ArrayList<>(entityIds), Timestamps.micros(start),
				Timestamps.micros(end), bool(message, "include_start_time_state", true),
				bool(message, "significant_changes_only", true), bool(message, "minimal_response", false),
				bool(message, "no_attributes", false));
		StringWriter writer = new StringWriter(4096);
		writer.write("{\"id\":" + id + ",\"type\":\"result\",\"success\":true,\"result\":");
		try (JsonGenerator generator = HaJson.MAPPER.createGenerator(writer)) {
			this.home.historyJson().writeCompressed(generator, query);
		}
		writer.write('}');
		this.outbox.send(writer.toString());
	}

	private String currentUser() {
		Map<String, Object> user = new LinkedHashMap<>();
		user.put("id", HaContext.OWNER_USER_ID);
		user.put("name", "Owner");
		user.put("is_owner", true);
		user.put("is_admin", true);
		user.put("credentials", List.of(Map.of("auth_provider_type", "homeassistant", "auth_provider_id", "")));
		user.put("mfa_modules", List.of());
		return HaJson.write(user);
	}

	private static @Nullable Set<String> entityIds(@Nullable JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		Set<String> ids = new java.util.LinkedHashSet<>();
		if (node.isString()) {
			for (String part : node.asString().split(",")) {
				ids.add(part.trim());
			}
		}
		else if (node.isArray()) {
			for (JsonNode item : node) {
				ids.add(item.asString().trim());
			}
		}
		else {
			throw new InvalidServiceData("expected a list for dictionary value @ data['entity_ids']");
		}
		for (String entityId : ids) {
			if (!EntityIds.isValid(entityId)) {
				throw new InvalidServiceData(
						"Entity ID " + entityId + " is an invalid entity ID for dictionary value @ data['entity_ids']");
			}
		}
		return ids;
	}

	private static Map<String, Object> object(JsonNode message, String key) {
		JsonNode node = message.get(key);
		if (node == null || node.isNull()) {
			return new LinkedHashMap<>();
		}
		if (!node.isObject()) {
			throw new InvalidServiceData("expected dict for dictionary value @ data['" + key + "']");
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> map = HaJson.MAPPER.convertValue(node, LinkedHashMap.class);
		return map;
	}

	private static boolean bool(JsonNode message, String key, boolean fallback) {
		JsonNode node = message.get(key);
		return (node == null || node.isNull()) ? fallback : node.asBoolean(fallback);
	}

	private static @Nullable String text(JsonNode message, String key) {
		JsonNode node = message.get(key);
		return (node != null && node.isString()) ? node.asString() : null;
	}

	private static String result(int id, String json) {
		return "{\"id\":" + id + ",\"type\":\"result\",\"success\":true,\"result\":" + json + "}";
	}

	private static String error(int id, String code, @Nullable String message) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("code", code);
		error.put("message", (message != null) ? message : code);
		return "{\"id\":" + id + ",\"type\":\"result\",\"success\":false,\"error\":" + HaJson.write(error) + "}";
	}

	private static String authInvalid(String message) {
		return "{\"type\":\"auth_invalid\",\"message\":" + HaJson.write(message) + "}";
	}

	/**
	 * Forwards events to the outbox, holding back those that arrive before the
	 * subscription's result has been queued, so that the client always sees the result
	 * first and misses nothing that happened after it subscribed.
	 */
	private final class Forwarder implements Consumer<HaEvent> {

		private final java.util.function.Function<HaEvent, @Nullable String> format;

		private @Nullable List<String> early = new ArrayList<>();

		Forwarder(java.util.function.Function<HaEvent, @Nullable String> format) {
			this.format = format;
		}

		@Override
		public synchronized void accept(HaEvent event) {
			String message = this.format.apply(event);
			if (message == null) {
				return;
			}
			List<String> held = this.early;
			if (held != null) {
				held.add(message);
			}
			else {
				HaConnection.this.outbox.send(message);
			}
		}

		synchronized void start() {
			List<String> held = this.early;
			this.early = null;
			if (held != null) {
				held.forEach(HaConnection.this.outbox::send);
			}
		}

	}

}
