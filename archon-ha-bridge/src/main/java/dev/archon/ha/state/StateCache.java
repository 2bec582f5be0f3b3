package dev.archon.ha.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

/**
 * The states of every entity, as last told by Home Assistant. Reads never go to Home
 * Assistant; the cache is kept current by {@code state_changed} events, and knows whether
 * it is synchronised (connected, subscribed and loaded) or only a possibly stale copy.
 */
public class StateCache {

	private final Map<String, CachedState> states = new ConcurrentHashMap<>();

	private volatile Map<String, Area> areas = Map.of();

	private final Clock clock;

	private volatile boolean synchronised;

	/** When the cache was last known to be current: now while synchronised. */
	private volatile Instant currentAt;

	StateCache(Clock clock, MeterRegistry meters) {
		this.clock = clock;
		this.currentAt = clock.instant();
		Gauge.builder("archon.ha.cache.size", this.states, Map::size)
			.description("Entities in the state cache")
			.register(meters);
		Gauge.builder("archon.ha.cache.staleness", this, (cache) -> cache.staleness().toMillis() / 1000.0)
			.baseUnit("seconds")
			.description("How long the state cache has not been synchronised with Home Assistant; 0 while it is")
			.register(meters);
	}

	public @Nullable CachedState get(String entityId) {
		return this.states.get(entityId);
	}

	public int size() {
		return this.states.size();
	}

	/**
	 * The states that match every given filter, ordered by entity id.
	 * @param domain only this domain, when given
	 * @param area only entities in this area (its id or name), when given
	 * @param text only entities whose id or friendly name contains this, when given
	 * @return the matching states
	 */
	public List<CachedState> find(@Nullable String domain, @Nullable String area, @Nullable String text) {
		String areaKey = (area != null) ? area.toLowerCase(Locale.ROOT) : null;
		Map<String, Area> knownAreas = this.areas;
		return this.states.values()
			.stream()
			.filter((state) -> domain == null || state.domain().equals(domain))
			.filter((state) -> areaKey == null || inArea(state, knownAreas.get(state.entityId()), areaKey))
			.filter((state) -> text == null || state.matches(text))
			.sorted(Comparator.comparing(CachedState::entityId))
			.toList();
	}

	private static boolean inArea(CachedState state, @Nullable Area area, String key) {
		if (area != null) {
			return area.id().equals(key) || area.name().toLowerCase(Locale.ROOT).equals(key);
		}
		// Without the registries, the area is only known when an integration reports it.
		String fromAttributes = state.json().path("attributes").path("area_id").asString("");
		return fromAttributes.equals(key);
	}

	public boolean isSynchronised() {
		return this.synchronised;
	}

	public Duration staleness() {
		return this.synchronised ? Duration.ZERO : Duration.between(this.currentAt, this.clock.instant());
	}

	/**
	 * Applies a state unless the cache already holds a later one.
	 * @param state the state
	 * @return whether it was applied
	 */
	boolean apply(CachedState state) {
		boolean[] applied = new boolean[1];
		this.states.compute(state.entityId(), (id, current) -> {
			if (current == null || !state.lastUpdated().isBefore(current.lastUpdated())) {
				applied[0] = true;
				return state;
			}
			return current;
		});
		return applied[0];
	}

	@Nullable CachedState remove(String entityId) {
		return this.states.remove(entityId);
	}

	/**
	 * Replaces everything with a complete, consistent set of states.
	 * @param snapshot every state, by entity id
	 */
	void replaceAll(Map<String, CachedState> snapshot) {
		this.states.keySet().retainAll(snapshot.keySet());
		this.states.putAll(snapshot);
	}

	void areas(Map<String, Area> areas) {
		this.areas = Map.copyOf(areas);
	}

	void synchronised() {
		this.synchronised = true;
		this.currentAt = this.clock.instant();
	}

	void unsynchronised() {
		if (this.synchronised) {
			this.currentAt = this.clock.instant();
		}
		this.synchronised = false;
	}

	/**
	 * An area of the home.
	 *
	 * @param id its id
	 * @param name its name
	 */
	record Area(String id, String name) {

	}

}
