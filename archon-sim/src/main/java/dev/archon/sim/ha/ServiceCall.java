package dev.archon.sim.ha;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One call of a service, with its checked data and resolved target. It records the states
 * it changes, which the REST API returns.
 */
public final class ServiceCall {

	private final String domain;

	private final String service;

	private final Map<String, Object> data;

	private final List<String> entityIds;

	private final HaContext context;

	private final States states;

	private final List<HaState> changed;

	ServiceCall(String domain, String service, Map<String, Object> data, List<String> entityIds, HaContext context,
			States states) {
		this(domain, service, data, entityIds, context, states, new ArrayList<>(2));
	}

	private ServiceCall(String domain, String service, Map<String, Object> data, List<String> entityIds,
			HaContext context, States states, List<HaState> changed) {
		this.changed = changed;
		this.domain = domain;
		this.service = service;
		this.data = data;
		this.entityIds = entityIds;
		this.context = context;
		this.states = states;
	}

	public String domain() {
		return this.domain;
	}

	public String service() {
		return this.service;
	}

	public Map<String, Object> data() {
		return this.data;
	}

	public @Nullable Object get(String key) {
		return this.data.get(key);
	}

	/**
	 * The entities the call targets that exist, in the order given.
	 * @return entity ids
	 */
	public List<String> entityIds() {
		return this.entityIds;
	}

	public HaContext context() {
		return this.context;
	}

	public @Nullable HaState state(String entityId) {
		return this.states.get(entityId);
	}

	/**
	 * Sets a state in this call's context.
	 * @param entityId the entity
	 * @param state the new state text
	 * @param attributes the new attributes
	 */
	public void set(String entityId, String state, Map<String, Object> attributes) {
		HaState result = this.states.set(entityId, state, attributes, false, this.context);
		if (result.context() == this.context && result.lastUpdated().equals(result.lastReported())) {
			this.changed.add(result);
		}
	}

	/**
	 * A call of another service on one entity within this call, as the
	 * {@code homeassistant} domain's generic services make; its changes count as this
	 * call's.
	 * @param domain the other service's domain
	 * @param service the other service
	 * @param entityId the entity
	 * @return the call
	 */
	ServiceCall delegate(String domain, String service, String entityId) {
		return new ServiceCall(domain, service, Map.of(), List.of(entityId), this.context, this.states, this.changed);
	}

	/**
	 * The states this call changed.
	 * @return new states, in the order they were set
	 */
	public List<HaState> changed() {
		return this.changed;
	}

}
