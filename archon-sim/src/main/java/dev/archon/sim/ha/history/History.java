package dev.archon.sim.ha.history;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import dev.archon.sim.ha.EntityIds;
import dev.archon.sim.ha.EventBus;
import dev.archon.sim.ha.HaEvent;
import dev.archon.sim.ha.HaSimProperties;
import dev.archon.sim.ha.HaState;
import dev.archon.sim.ha.States;
import dev.archon.sim.ha.Timestamps;
import dev.archon.sim.ha.demo.DemoHome;
import dev.archon.sim.ha.demo.EntitySpec;

import org.springframework.stereotype.Component;

/**
 * The recorder: generated history up to the simulator's start, then every state the
 * simulator has set since (up to {@code liveHistoryPerEntity} per entity), read with the
 * rules of Home Assistant's history API.
 */
@Component
public class History {

	/**
	 * Domains whose attribute-only changes count as significant, and whose rows keep
	 * their attributes in minimal responses (Home Assistant's {@code SIGNIFICANT_DOMAINS}
	 * and {@code NEED_ATTRIBUTE_DOMAINS}).
	 */
	public static final Set<String> SIGNIFICANT_DOMAINS = Set.of("climate", "device_tracker", "humidifier",
			"thermostat", "water_heater");

	/** Domains whose rows always carry attributes in a minimal response. */
	public static final Set<String> NEED_ATTRIBUTE_DOMAINS = Set.of("climate", "humidifier", "input_datetime",
			"thermostat", "water_heater");

	private final DemoHome home;

	private final int perEntity;

	private final Map<String, ArrayDeque<HaState>> live = new ConcurrentHashMap<>();

	public History(DemoHome home, States states, EventBus bus, HaSimProperties properties) {
		this.home = home;
		this.perEntity = properties.liveHistoryPerEntity();
		for (HaState state : states.all()) {
			record(state);
		}
		bus.listen(HaEvent.STATE_CHANGED, (event) -> {
			HaState newState = event.newState();
			if (newState != null) {
				record(newState);
			}
		});
	}

	/**
	 * Reads one entity's history like the recorder: optionally first its state at
	 * {@code start} (with both times set to {@code start}), then its changes after
	 * {@code start} up to and including {@code end}.
	 * @param entityId the entity
	 * @param start microseconds since the epoch
	 * @param end microseconds since the epoch
	 * @param includeStartState whether to begin with the state at {@code start}
	 * @param significantChangesOnly skip attribute-only changes outside
	 * {@link #SIGNIFICANT_DOMAINS}
	 * @param sink receives the rows, the same {@link HistoryRow} each time
	 */
	public void read(String entityId, long start, long end, boolean includeStartState, boolean significantChangesOnly,
			RowSink sink) {
		HistoryRow row = new HistoryRow();
		boolean attributeChangesCount = !significantChangesOnly
				|| SIGNIFICANT_DOMAINS.contains(EntityIds.domain(entityId));
		List<HaState> liveStates = liveStates(entityId);
		EntitySpec spec = this.home.spec(entityId);
		long startMicros = this.home.startMicros();
		boolean[] first = { true };
		if (spec != null && start < startMicros && end > this.home.historyStartMicros()) {
			this.home.changes(spec, start, Math.min(end + 1, startMicros), (time, state) -> {
				if (first[0]) {
					first[0] = false;
					if (time <= start) {
						if (includeStartState) {
							row.generated(spec, state, start);
							sink.accept(row);
						}
						return;
					}
				}
				if (time <= end) {
					row.generated(spec, state, time);
					sink.accept(row);
				}
			});
		}
		else if (includeStartState) {
			HaState inForce = null;
			for (HaState state : liveStates) {
				if (Timestamps.micros(state.lastUpdated()) <= start) {
					inForce = state;
				}
			}
			if (inForce != null) {
				row.live(inForce, start, start);
				sink.accept(row);
			}
		}
		for (HaState state : liveStates) {
			long updated = Timestamps.micros(state.lastUpdated());
			if (updated <= start || updated > end || (spec != null && updated < startMicros)) {
				continue;
			}
			long changed = Timestamps.micros(state.lastChanged());
			if (changed != updated && !attributeChangesCount) {
				continue;
			}
			row.live(state, changed, updated);
			sink.accept(row);
		}
	}

	/**
	 * Whether the recorder knows the entity at all.
	 * @param entityId the entity
	 * @return whether it has or had a state
	 */
	public boolean knows(String entityId) {
		return this.home.spec(entityId) != null || this.live.containsKey(entityId);
	}

	private void record(HaState state) {
		ArrayDeque<HaState> log = this.live.computeIfAbsent(state.entityId(), (id) -> new ArrayDeque<>());
		synchronized (log) {
			if (log.size() >= this.perEntity) {
				log.removeFirst();
			}
			log.addLast(state);
		}
	}

	private List<HaState> liveStates(String entityId) {
		@Nullable ArrayDeque<HaState> log = this.live.get(entityId);
		if (log == null) {
			return List.of();
		}
		synchronized (log) {
			return new ArrayList<>(log);
		}
	}

	/**
	 * Receives history rows.
	 */
	@FunctionalInterface
	public interface RowSink {

		void accept(HistoryRow row);

	}

}
