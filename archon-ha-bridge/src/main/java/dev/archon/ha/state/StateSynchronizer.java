package dev.archon.ha.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.archon.ha.client.HomeAssistantConnection;
import dev.archon.ha.client.HomeAssistantListener;

/**
 * Keeps the {@link StateCache} current. On every connection it first subscribes to
 * {@code state_changed} and only then loads every state, so that no change between the
 * two is missed: the changes that arrive while the states load are held back and replayed
 * over the loaded states, the later state of an entity winning.
 */
class StateSynchronizer implements HomeAssistantListener {

	private static final Logger logger = LoggerFactory.getLogger(StateSynchronizer.class);

	private final StateCache cache;

	private final StateChangeFeed feed;

	private final SharedStateCopy sharedCopy;

	private final JsonMapper json;

	private final ReentrantLock lock = new ReentrantLock();

	private final List<Change> heldBack = new ArrayList<>();

	private boolean loading;

	StateSynchronizer(StateCache cache, StateChangeFeed feed, SharedStateCopy sharedCopy, JsonMapper json) {
		this.cache = cache;
		this.feed = feed;
		this.sharedCopy = sharedCopy;
		this.json = json;
	}

	@Override
	public void connected(HomeAssistantConnection connection) {
		this.lock.lock();
		try {
			this.loading = true;
			this.heldBack.clear();
		}
		finally {
			this.lock.unlock();
		}
		try {
			connection
				.send(this.json.createObjectNode().put("type", "subscribe_events").put("event_type", "state_changed"))
				.join();
			JsonNode loaded = connection.send(this.json.createObjectNode().put("type", "get_states"))
				.join()
				.path("result");
			this.cache.areas(loadAreas(connection));
			Map<String, CachedState> snapshot = new HashMap<>();
			for (JsonNode each : loaded) {
				CachedState state = CachedState.of(each);
				if (state != null) {
					snapshot.put(state.entityId(), state);
				}
			}
			List<Change> replayed;
			this.lock.lock();
			try {
				replayed = List.copyOf(this.heldBack);
				replayed.forEach((change) -> change.applyTo(snapshot));
				this.heldBack.clear();
				this.cache.replaceAll(snapshot);
				this.loading = false;
				if (connection.isConnected()) {
					this.cache.synchronised();
				}
			}
			finally {
				this.lock.unlock();
			}
			this.sharedCopy.replaceAll(snapshot);
			replayed.forEach((change) -> this.feed.publish(change.entityId(), change.data()));
			logger.info("State cache synchronised with {} entities", snapshot.size());
		}
		catch (RuntimeException ex) {
			logger.warn("Cannot synchronise the state cache; dropping the connection to try again: {}",
					ex.getMessage());
			connection.reconnect("synchronisation failed");
		}
	}

	/**
	 * The areas of entities from Home Assistant's registries, where it has them. An
	 * entity has the area set on itself, or else its device's.
	 */
	private Map<String, StateCache.Area> loadAreas(HomeAssistantConnection connection) {
		try {
			Map<String, String> areaNames = new HashMap<>();
			for (JsonNode area : list(connection, "config/area_registry/list")) {
				areaNames.put(area.path("area_id").asString(""), area.path("name").asString(""));
			}
			Map<String, String> deviceAreas = new HashMap<>();
			for (JsonNode device : list(connection, "config/device_registry/list")) {
				if (device.hasNonNull("area_id")) {
					deviceAreas.put(device.path("id").asString(""), device.path("area_id").asString());
				}
			}
			Map<String, StateCache.Area> areas = new HashMap<>();
			for (JsonNode entity : list(connection, "config/entity_registry/list")) {
				String areaId = entity.hasNonNull("area_id") ? entity.path("area_id").asString()
						: deviceAreas.get(entity.path("device_id").asString(""));
				if (areaId != null) {
					areas.put(entity.path("entity_id").asString(""),
							new StateCache.Area(areaId, areaNames.getOrDefault(areaId, areaId)));
				}
			}
			return areas;
		}
		catch (RuntimeException ex) {
			logger.info("Home Assistant's registries are not available, so areas are unknown: {}", ex.getMessage());
			return Map.of();
		}
	}

	private JsonNode list(HomeAssistantConnection connection, String type) {
		return connection.send(this.json.createObjectNode().put("type", type)).join().path("result");
	}

	@Override
	public void event(JsonNode event) {
		if (!"state_changed".equals(event.path("event_type").asString(""))) {
			return;
		}
		JsonNode data = event.path("data");
		String entityId = data.path("entity_id").asString("");
		JsonNode newState = data.path("new_state");
		CachedState state = newState.isObject() ? CachedState.of(newState) : null;
		Change change = new Change(entityId, state, CachedState.instant(event.path("time_fired").asString("")), data);
		this.lock.lock();
		try {
			if (this.loading) {
				this.heldBack.add(change);
				return;
			}
			if (state != null) {
				if (!this.cache.apply(state)) {
					return;
				}
			}
			else {
				this.cache.remove(entityId);
			}
		}
		finally {
			this.lock.unlock();
		}
		this.sharedCopy.changed(entityId, state);
		this.feed.publish(entityId, data);
	}

	@Override
	public void disconnected() {
		this.cache.unsynchronised();
	}

	/**
	 * A change held back while the states load.
	 *
	 * @param entityId the entity
	 * @param state its new state, {@code null} when it was removed
	 * @param at when it happened
	 * @param data the event's data, for the feed
	 */
	private record Change(String entityId, @Nullable CachedState state, Instant at, JsonNode data) {

		void applyTo(Map<String, CachedState> snapshot) {
			CachedState current = snapshot.get(this.entityId);
			if (this.state == null) {
				if (current == null || !this.at.isBefore(current.lastUpdated())) {
					snapshot.remove(this.entityId);
				}
			}
			else if (current == null || !this.state.lastUpdated().isBefore(current.lastUpdated())) {
				snapshot.put(this.entityId, this.state);
			}
		}

	}

}
