package dev.archon.sim.ha;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Home Assistant's state machine: the current state of every entity, and a
 * {@code state_changed} event for every change, with the same rules for
 * {@code last_changed}, {@code last_updated} and {@code last_reported}.
 */
@Component
public class States {

	private final Map<String, HaState> states = new ConcurrentHashMap<>();

	private final EventBus bus;

	public States(EventBus bus) {
		this.bus = bus;
	}

	public @Nullable HaState get(String entityId) {
		return this.states.get(entityId);
	}

	public Collection<HaState> all() {
		return this.states.values();
	}

	public List<HaState> sorted() {
		List<HaState> all = new ArrayList<>(this.states.values());
		all.sort((a, b) -> a.entityId().compareTo(b.entityId()));
		return all;
	}

	public int size() {
		return this.states.size();
	}

	/**
	 * Puts states without firing events, for the demo home at start-up.
	 * @param initial the states
	 */
	public void load(Collection<HaState> initial) {
		for (HaState state : initial) {
			this.states.put(state.entityId(), state);
		}
	}

	/**
	 * Sets a state as {@code hass.states.async_set} does. An unchanged state and
	 * unchanged attributes only move {@code last_reported} and fire nothing (unless
	 * forced); a change of attributes alone moves {@code last_updated}; a changed state
	 * moves both. The event is fired inside the entity's update so that every listener
	 * sees one entity's changes in the order they happened.
	 * @param entityId a valid entity id
	 * @param state the new state text
	 * @param attributes the new attributes, not changed afterwards
	 * @param forceUpdate fire and move {@code last_updated} even when nothing changed
	 * @param context what caused the change
	 * @return the state now stored
	 */
	public HaState set(String entityId, String state, Map<String, Object> attributes, boolean forceUpdate,
			HaContext context) {
		return this.states.compute(entityId, (id, old) -> {
			Instant now = Timestamps.now();
			boolean sameState = old != null && old.state().equals(state);
			if (sameState && !forceUpdate && old.attributes().equals(attributes)) {
				return old.reported(now);
			}
			Instant lastChanged = sameState ? old.lastChanged() : now;
			HaState updated = new HaState(id, state, attributes, lastChanged, now, now, context);
			this.bus.fire(HaEvent.stateChanged(id, old, updated, context, now));
			return updated;
		});
	}

	/**
	 * Removes an entity, firing a {@code state_changed} with no new state.
	 * @param entityId the entity
	 * @param context what caused it
	 * @return whether there was such an entity
	 */
	public boolean remove(String entityId, HaContext context) {
		boolean[] removed = new boolean[1];
		this.states.computeIfPresent(entityId, (id, old) -> {
			removed[0] = true;
			this.bus.fire(HaEvent.stateChanged(id, old, null, context, Timestamps.now()));
			return null;
		});
		return removed[0];
	}

}
