package dev.archon.agentgen.resources;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.archon.test.secrets.TestSecrets;

/**
 * A stand-in for Archon's REST API as the library's tools meet it behind NGINX, on a
 * loopback port: archon-ha-bridge's states and services, and archon-vector's search. It
 * answers as their code does, and mirrors:
 * <ul>
 * <li>{@code StatesController#states}: {@code {"count", "synchronised", "states"}}, the
 * states as Home Assistant gives them, ordered by entity id and filtered as
 * {@code StateCache#find} does (domain exactly, area by id or name in any case, {@code q}
 * within the entity id or the friendly name);</li>
 * <li>{@code StatesController#state}: one state object, or the problems of
 * {@code InvalidEntityId} (400, the rule of {@code EntityIds}) and {@code EntityNotFound}
 * (404), each with {@code entityId};</li>
 * <li>{@code ControlController#call} with its {@code ServiceRequest(target, data)}
 * record, and {@code ServiceCall#of}: any other member of the body, such as a flat
 * {@code entity_id}, is refused with 400, as archon-api's {@code StrictRequestBodies}
 * refuses members a body does not document;</li>
 * <li>{@code AllowList} with the default patterns of {@code HaProperties.Control} and no
 * allowed script, refusing with the problem of {@code ServiceNotAllowed} (403);</li>
 * <li>{@code ServiceCalls.Result}: {@code {"changedStates", "tookMs"}};</li>
 * <li>archon-vector's {@code SearchController} with archon-api's {@code SearchRequest}
 * ({@code query} not blank, {@code limit} 1 to 50, no other members than {@code source},
 * {@code minScore} and {@code probes}) and {@code SearchResponse} ({@code {"results",
 * "tookMs", "cache"}}), over the chunks given by {@link #page};</li>
 * <li>and in archon-api, {@code Problems}, {@code ProblemType} and
 * {@code ProblemEnricher} ({@code application/problem+json} with {@code type},
 * {@code title}, {@code status}, {@code detail}, {@code instance} and {@code requestId}),
 * and {@code ProblemAuthenticationEntryPoint} (401 without a valid key).</li>
 * </ul>
 */
final class SimulatedArchon implements AutoCloseable {

	static final String API_KEY = TestSecrets.API_KEY;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String PROBLEMS = "https://archon.dev/problems/";

	/** {@code EntityIds.VALID}. */
	private static final Pattern ENTITY_ID = Pattern.compile("^(?!.+__)(?!_)[\\da-z_]+(?<!_)\\.(?!_)[\\da-z_]+(?<!_)$");

	/** {@code ServiceCall.NAME}. */
	private static final Pattern NAME = Pattern.compile("^[a-z0-9_]{1,64}$");

	/** The default of {@code archon.ha.control.allowed}. */
	private static final Set<String> ALLOWED_DOMAINS = Set.of("light", "switch", "climate", "cover", "lock",
			"media_player", "fan", "scene", "input_boolean", "input_number", "input_select", "input_text",
			"input_datetime", "input_button");

	/** The default of {@code archon.ha.control.denied}. */
	private static final Set<String> DENIED = Set.of("homeassistant.stop", "homeassistant.restart", "hassio.*",
			"shell_command.*");

	private final HttpServer server;

	private final Map<String, ObjectNode> states = new TreeMap<>();

	private final Map<String, Area> areas = new LinkedHashMap<>();

	private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	private final List<ObjectNode> chunks = new CopyOnWriteArrayList<>();

	private final AtomicLong requestIds = new AtomicLong();

	private volatile boolean synchronised = true;

	SimulatedArchon() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/**
	 * Adds an entity, as Home Assistant's state object and the area its registries give.
	 */
	SimulatedArchon entity(String entityId, String state, String friendlyName, @Nullable Area area,
			Map<String, Object> attributes) {
		ObjectNode object = JSON.createObjectNode().put("entity_id", entityId).put("state", state);
		ObjectNode attributeNode = JSON.valueToTree(attributes);
		attributeNode.put("friendly_name", friendlyName);
		object.set("attributes", attributeNode);
		object.put("last_changed", "2026-01-05T07:00:00.000000+00:00");
		object.put("last_updated", "2026-01-05T07:00:00.000000+00:00");
		object.putObject("context").put("id", "01JGZ" + entityId.hashCode()).putNull("parent_id").putNull("user_id");
		synchronized (this.states) {
			this.states.put(entityId, object);
			if (area != null) {
				this.areas.put(entityId, area);
			}
		}
		return this;
	}

	/**
	 * Adds a chunk of crawled documentation to the vector store.
	 */
	SimulatedArchon page(String source, String url, String title, String content) {
		ObjectNode hit = JSON.createObjectNode()
			.put("url", url)
			.put("chunkNumber", 0)
			.put("title", title)
			.put("summary", title)
			.put("content", content)
			.put("source", source);
		hit.putObject("metadata");
		hit.put("score", 0.9 - this.chunks.size() * 0.1);
		this.chunks.add(hit);
		return this;
	}

	/** Answers from a copy that may be stale, as after losing Home Assistant. */
	void lostHomeAssistant() {
		this.synchronised = false;
	}

	/** Every request, in order, once answered. */
	List<Exchange> exchanges() {
		return List.copyOf(this.exchanges);
	}

	/** The service calls that reached Home Assistant. */
	List<Call> calls() {
		return List.copyOf(this.calls);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			URI uri = exchange.getRequestURI();
			byte[] content = exchange.getRequestBody().readAllBytes();
			String method = exchange.getRequestMethod();
			Map<String, String> query = query(uri.getRawQuery());
			String authorization = exchange.getRequestHeaders().getFirst("Authorization");
			String text = new String(content, StandardCharsets.UTF_8);
			Answer answer = answer(method, uri.getPath(), query, authorization, text);
			this.exchanges.add(new Exchange(method, uri.getPath(), query, authorization,
					exchange.getRequestHeaders().getFirst("Content-Type"), text, answer.status()));
			byte[] body = JSON.writeValueAsBytes(answer.body());
			exchange.getResponseHeaders()
				.set("Content-Type", answer.problem() ? "application/problem+json" : "application/json");
			if (answer.status() == 401) {
				exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"archon\"");
			}
			exchange.sendResponseHeaders(answer.status(), body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

	private Answer answer(String method, String path, Map<String, String> query, @Nullable String authorization,
			String body) {
		if (authorization == null || !authorization.startsWith("Bearer ")) {
			return problem(path, "unauthorized", "An API key is required", 401,
					"Send your API key as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'.");
		}
		if (!authorization.substring("Bearer ".length()).equals(API_KEY)) {
			return problem(path, "unauthorized", "An API key is required", 401, "The API key you sent is not valid.");
		}
		String[] segments = path.split("/");
		if (method.equals("GET") && path.equals("/api/v1/ha/states")) {
			return states(query);
		}
		if (method.equals("GET") && segments.length == 6 && path.startsWith("/api/v1/ha/states/")) {
			return state(path, segments[5]);
		}
		if (method.equals("POST") && segments.length == 7 && path.startsWith("/api/v1/ha/services/")) {
			return call(path, segments[5], segments[6], body);
		}
		if (method.equals("POST") && path.equals("/api/v1/vector/search")) {
			return search(path, body);
		}
		return problem(path, "not-found", "Not found", 404, "No operation answers " + method + " " + path);
	}

	private Answer states(Map<String, String> query) {
		String domain = blankToNull(query.get("domain"));
		String area = blankToNull(query.get("area"));
		String text = blankToNull(query.get("q"));
		ArrayNode found = JSON.createArrayNode();
		synchronized (this.states) {
			this.states.forEach((entityId, state) -> {
				if ((domain == null || entityId.substring(0, entityId.indexOf('.')).equals(domain))
						&& (area == null || inArea(entityId, area.toLowerCase(Locale.ROOT)))
						&& (text == null || matches(state, text.toLowerCase(Locale.ROOT)))) {
					found.add(state.deepCopy());
				}
			});
		}
		ObjectNode page = JSON.createObjectNode();
		page.put("count", found.size());
		page.put("synchronised", this.synchronised);
		page.set("states", found);
		return new Answer(200, page, false);
	}

	private boolean inArea(String entityId, String key) {
		Area area = this.areas.get(entityId);
		return area != null && (area.id().equals(key) || area.name().toLowerCase(Locale.ROOT).equals(key));
	}

	private static boolean matches(ObjectNode state, String lower) {
		return state.path("entity_id").asString().contains(lower)
				|| state.path("attributes").path("friendly_name").asString("").toLowerCase(Locale.ROOT).contains(lower);
	}

	private Answer state(String path, String entityId) {
		if (!ENTITY_ID.matcher(entityId).matches()) {
			return invalidEntityId(path, entityId);
		}
		synchronized (this.states) {
			ObjectNode state = this.states.get(entityId);
			if (state == null) {
				Answer answer = problem(path, "not-found", "Not found", 404,
						"No entity " + entityId + " is known to Home Assistant");
				answer.body().put("entityId", entityId);
				return answer;
			}
			return new Answer(200, state.deepCopy(), false);
		}
	}

	private Answer call(String path, String domain, String service, String content) {
		JsonNode body;
		try {
			body = content.isBlank() ? JSON.nullNode() : JSON.readTree(content);
		}
		catch (JacksonException ex) {
			return problem(path, "malformed-body", "The request body cannot be read", 400,
					"The body is not valid JSON.");
		}
		if (!body.isObject() && !body.isNull()) {
			return problem(path, "malformed-body", "The request body cannot be read", 400,
					"The body must be a JSON document of the documented shape.");
		}
		// ServiceRequest has only these two components; archon-api's StrictRequestBodies
		// refuses any other member, such as a flat entity_id.
		for (String member : body.propertyNames()) {
			if (!member.equals("target") && !member.equals("data")) {
				return validation(path, "'" + member + "' is not a member of this body");
			}
		}
		JsonNode target = body.path("target");
		JsonNode data = body.path("data");
		if (!target.isMissingNode() && !target.isNull() && !target.isObject()) {
			return validation(path, "'target' must be an object with entity_id, area_id or device_id");
		}
		if (!data.isMissingNode() && !data.isNull() && !data.isObject()) {
			return validation(path, "'data' must be an object");
		}
		if (!NAME.matcher(domain).matches() || !NAME.matcher(service).matches()) {
			return validation(path, "'" + domain + "." + service
					+ "' is not a service name: domain and service are lower-case letters, digits and underscores");
		}
		JsonNode ids = target.path("entity_id");
		List<String> entityIds = new ArrayList<>();
		if (ids.isString()) {
			entityIds.add(ids.asString());
		}
		else if (ids.isArray()) {
			ids.forEach((id) -> entityIds.add(id.asString("")));
		}
		else if (!ids.isMissingNode() && !ids.isNull()) {
			return validation(path, "'target.entity_id' must be a string or a list of strings");
		}
		for (String entityId : entityIds) {
			if (!ENTITY_ID.matcher(entityId).matches()) {
				return invalidEntityId(path, entityId);
			}
		}
		boolean allowed = ALLOWED_DOMAINS.contains(domain) && !DENIED.contains(domain + "." + service)
				&& !DENIED.contains(domain + ".*") && entityIds.stream().noneMatch((id) -> id.startsWith("script."));
		if (!allowed) {
			Answer answer = problem(path, "forbidden", "Not allowed", 403, "The service " + domain + "." + service
					+ " is not on the allow-list of this bridge (archon.ha.control.allowed)");
			answer.body().put("service", domain + "." + service);
			return answer;
		}
		ObjectNode dataNode = data.isObject() ? (ObjectNode) data.deepCopy() : JSON.createObjectNode();
		this.calls.add(new Call(domain, service, List.copyOf(entityIds), dataNode));
		ArrayNode changed = JSON.createArrayNode();
		synchronized (this.states) {
			for (String entityId : entityIds) {
				ObjectNode state = this.states.get(entityId);
				if (state != null && apply(state, service, dataNode)) {
					changed.add(state.deepCopy());
				}
			}
		}
		ObjectNode result = JSON.createObjectNode();
		result.set("changedStates", changed);
		result.put("tookMs", 3);
		return new Answer(200, result, false);
	}

	private Answer search(String path, String content) {
		JsonNode body;
		try {
			body = JSON.readTree(content);
		}
		catch (JacksonException ex) {
			return problem(path, "malformed-body", "The request body cannot be read", 400,
					"The body is not valid JSON.");
		}
		for (String member : body.propertyNames()) {
			if (!Set.of("query", "source", "limit", "minScore", "probes").contains(member)) {
				return validation(path, "'" + member + "' is not a member of this body");
			}
		}
		if (body.path("query").asString("").isBlank()) {
			return validation(path, "query: must not be blank");
		}
		int limit = body.path("limit").asInt(5);
		if (limit < 1 || limit > 50) {
			return validation(path, "limit: must be between 1 and 50");
		}
		String source = body.path("source").asString("");
		ArrayNode results = JSON.createArrayNode();
		this.chunks.stream()
			.filter((chunk) -> source.isEmpty() || chunk.path("source").asString().equals(source))
			.limit(limit)
			.forEach(results::add);
		ObjectNode answer = JSON.createObjectNode();
		answer.set("results", results);
		answer.put("tookMs", 4);
		answer.put("cache", "miss");
		return new Answer(200, answer, false);
	}

	/**
	 * Changes a state as Home Assistant would for the common services.
	 * @return whether it changed, when Home Assistant fires {@code state_changed}
	 */
	private static boolean apply(ObjectNode state, String service, ObjectNode data) {
		JsonNode before = state.deepCopy();
		String current = state.path("state").asString();
		switch (service) {
			case "turn_on" -> state.put("state", "on");
			case "turn_off" -> state.put("state", "off");
			case "toggle" -> state.put("state", current.equals("on") ? "off" : "on");
			default -> {
			}
		}
		ObjectNode attributes = (ObjectNode) state.path("attributes");
		data.properties().forEach((member) -> attributes.set(member.getKey(), member.getValue()));
		return !before.equals(state);
	}

	private Answer invalidEntityId(String path, String entityId) {
		Answer answer = validation(path, "'" + entityId
				+ "' is not a valid entity id: Home Assistant expects <domain>.<object_id> in lower-case"
				+ " letters, digits and single underscores, neither part starting or ending with an underscore");
		answer.body().put("entityId", entityId);
		return answer;
	}

	private Answer validation(String path, String detail) {
		return problem(path, "validation", "Your request is not valid", 400, detail);
	}

	private Answer problem(String path, String slug, String title, int status, String detail) {
		ObjectNode problem = JSON.createObjectNode()
			.put("type", PROBLEMS + slug)
			.put("title", title)
			.put("status", status)
			.put("detail", detail)
			.put("instance", path)
			.put("requestId", "req-" + this.requestIds.incrementAndGet());
		return new Answer(status, problem, true);
	}

	private static Map<String, String> query(@Nullable String raw) {
		Map<String, String> query = new LinkedHashMap<>();
		if (raw != null && !raw.isEmpty()) {
			for (String pair : raw.split("&")) {
				int equals = pair.indexOf('=');
				String name = (equals < 0) ? pair : pair.substring(0, equals);
				String value = (equals < 0) ? "" : pair.substring(equals + 1);
				query.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
						URLDecoder.decode(value, StandardCharsets.UTF_8));
			}
		}
		return query;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value != null && !value.isBlank()) ? value.trim() : null;
	}

	/**
	 * An area of the home, as the bridge reads it from Home Assistant's registries
	 * ({@code StateCache.Area}).
	 */
	record Area(String id, String name) {

	}

	/**
	 * A request as Archon received it, and the status it answered.
	 */
	record Exchange(String method, String path, Map<String, String> query, @Nullable String authorization,
			@Nullable String contentType, String body, int status) {

		JsonNode json() {
			return SimulatedArchon.JSON.readTree(this.body);
		}

	}

	/**
	 * A service call as it reached Home Assistant: what the bridge read from the body.
	 */
	record Call(String domain, String service, List<String> entityIds, ObjectNode data) {

	}

	private record Answer(int status, ObjectNode body, boolean problem) {

	}

}
