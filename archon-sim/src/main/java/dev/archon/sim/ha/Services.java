package dev.archon.sim.ha;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Home Assistant's service registry: services by domain, their schemas, and calls that
 * resolve a target ({@code entity_id}, {@code area_id}, {@code all}) into entities.
 */
@Component
public class Services {

	/** Keys that name a target rather than service data. */
	public static final Set<String> TARGET_KEYS = Set.of("entity_id", "device_id", "area_id", "floor_id", "label_id");

	private final Map<String, Map<String, ServiceDefinition>> registry = new ConcurrentHashMap<>();

	private final States states;

	private final Areas areas;

	public Services(States states, Areas areas) {
		this.states = states;
		this.areas = areas;
	}

	public void register(ServiceDefinition definition) {
		this.registry.computeIfAbsent(definition.domain(), (domain) -> new ConcurrentHashMap<>())
			.put(definition.service(), definition);
	}

	public @Nullable ServiceDefinition get(String domain, String service) {
		Map<String, ServiceDefinition> services = this.registry.get(domain);
		return (services != null) ? services.get(service) : null;
	}

	/**
	 * Every service, described, by domain in alphabetical order.
	 * @return domain to service name to description
	 */
	public Map<String, Map<String, Object>> describe() {
		Map<String, Map<String, Object>> all = new TreeMap<>();
		this.registry.forEach((domain, services) -> {
			Map<String, Object> described = new TreeMap<>();
			services.forEach((name, definition) -> described.put(name, definition.describe()));
			all.put(domain, described);
		});
		return all;
	}

	/**
	 * Calls a service, blocking until it is done, as {@code hass.services.async_call}
	 * does with {@code blocking=True}.
	 * @param domain the domain
	 * @param service the service
	 * @param serviceData the data, possibly with target keys in it (as REST clients send)
	 * @param target the target (as WebSocket clients send), merged with any in the data
	 * @param context the call's context
	 * @param returnResponse whether the caller wants the response
	 * @return the call, with its changed states, and the response
	 * @throws ServiceNotFound when there is no such service
	 * @throws InvalidServiceData when the data fails the schema
	 * @throws ServiceValidationError when the response wish does not fit the service
	 */
	public Result call(String domain, String service, @Nullable Map<String, Object> serviceData,
			@Nullable Map<String, Object> target, HaContext context, boolean returnResponse) {
		ServiceDefinition definition = get(domain, service);
		if (definition == null) {
			throw new ServiceNotFound(domain, service);
		}
		if (returnResponse && definition.supportsResponse() == SupportsResponse.NONE) {
			throw new ServiceValidationError("Validation error: An action which does not return responses can't be "
					+ "called with return_response=True");
		}
		if (!returnResponse && definition.supportsResponse() == SupportsResponse.ONLY) {
			throw new ServiceValidationError(
					"Validation error: An action which returns responses can't be called without return_response=True");
		}
		Map<String, Object> data = new LinkedHashMap<>();
		Map<String, Object> targets = new LinkedHashMap<>();
		if (serviceData != null) {
			serviceData.forEach((key, value) -> (TARGET_KEYS.contains(key) ? targets : data).put(key, value));
		}
		if (target != null) {
			target.forEach((key, value) -> {
				if (!TARGET_KEYS.contains(key)) {
					throw new InvalidServiceData("extra keys not allowed @ data['target']['" + key + "']");
				}
				targets.merge(key, value, Services::union);
			});
		}
		Map<String, Object> checked = check(definition, data);
		List<String> entityIds = definition.hasTarget() ? resolve(definition, targets) : List.of();
		ServiceCall call = new ServiceCall(domain, service, checked, entityIds, context, this.states);
		Object response = definition.handler().handle(call);
		return new Result(call.changed(), returnResponse ? response : null);
	}

	private static Map<String, Object> check(ServiceDefinition definition, Map<String, Object> data) {
		Map<String, Object> checked = new LinkedHashMap<>();
		Map<String, ServiceField> fields = new LinkedHashMap<>();
		definition.fields().forEach((field) -> fields.put(field.key(), field));
		for (Map.Entry<String, Object> entry : data.entrySet()) {
			ServiceField field = fields.get(entry.getKey());
			if (field == null) {
				throw new InvalidServiceData("extra keys not allowed @ data['" + entry.getKey() + "']");
			}
			checked.put(entry.getKey(), field.coerce(entry.getValue()));
		}
		for (ServiceField field : definition.fields()) {
			if (field.required() && !checked.containsKey(field.key())) {
				throw new InvalidServiceData("required key not provided @ data['" + field.key() + "']");
			}
		}
		return checked;
	}

	private List<String> resolve(ServiceDefinition definition, Map<String, Object> targets) {
		if (targets.isEmpty()) {
			throw new InvalidServiceData(
					"must contain at least one of entity_id, device_id, area_id, floor_id, label_id.");
		}
		Set<String> resolved = new LinkedHashSet<>();
		for (String entityId : strings(targets.get("entity_id"), "entity_id")) {
			if ("all".equals(entityId)) {
				for (HaState state : this.states.all()) {
					if (definition.targetDomains().contains(state.domain())) {
						resolved.add(state.entityId());
					}
				}
			}
			else if (!"none".equals(entityId)) {
				if (!EntityIds.isValid(entityId)) {
					throw new InvalidServiceData("Entity ID " + entityId
							+ " is an invalid entity ID for dictionary value @ data['entity_id']");
				}
				resolved.add(entityId);
			}
		}
		for (String areaId : strings(targets.get("area_id"), "area_id")) {
			resolved.addAll(this.areas.entitiesIn(areaId));
		}
		List<String> existing = new ArrayList<>(resolved.size());
		for (String entityId : resolved) {
			// Like Home Assistant, entities that do not exist or belong to another domain
			// are skipped, not refused.
			if (this.states.get(entityId) != null && definition.targetDomains().contains(EntityIds.domain(entityId))) {
				existing.add(entityId);
			}
		}
		return existing;
	}

	private static List<String> strings(@Nullable Object value, String key) {
		if (value == null) {
			return List.of();
		}
		if (value instanceof String text) {
			List<String> parts = new ArrayList<>();
			for (String part : text.split(",")) {
				if (!part.isBlank()) {
					parts.add(part.trim().toLowerCase(java.util.Locale.ROOT));
				}
			}
			return parts;
		}
		if (value instanceof Collection<?> collection) {
			List<String> parts = new ArrayList<>(collection.size());
			for (Object item : collection) {
				if (!(item instanceof String text)) {
					throw new InvalidServiceData("expected str for dictionary value @ data['" + key + "']");
				}
				parts.add(text.trim().toLowerCase(java.util.Locale.ROOT));
			}
			return parts;
		}
		throw new InvalidServiceData("expected str for dictionary value @ data['" + key + "']");
	}

	private static Object union(Object first, Object second) {
		List<Object> all = new ArrayList<>();
		for (Object value : List.of(first, second)) {
			if (value instanceof Collection<?> collection) {
				all.addAll(collection);
			}
			else {
				all.add(value);
			}
		}
		return all;
	}

	/**
	 * What a call did.
	 *
	 * @param changedStates the states it changed
	 * @param response its response data, when asked for
	 */
	public record Result(List<HaState> changedStates, @Nullable Object response) {

	}

}
