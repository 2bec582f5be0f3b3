package dev.archon.ha.patterns;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One entity's history, folded as it streams past: transitions, activations by weekday
 * and hour, on-durations, and the local times at which it entered each state.
 */
final class EntityActivity {

	/** States in which an entity is idle; every other non-numeric state is activity. */
	private static final Set<String> INACTIVE = Set.of("off", "unavailable", "unknown", "idle", "standby", "closed",
			"locked", "paused", "not_home", "away", "none", "");

	/** Enough entries of one state for a month of a busy entity. */
	private static final int MAX_ENTRIES = 4096;

	final String entityId;

	final String domain;

	final int index;

	/** Activations by weekday (Monday first) and hour of the local day. */
	final int[][] activity = new int[7][24];

	final List<Long> onSeconds = new ArrayList<>();

	/** Per state, the local times it was entered at (epoch seconds). */
	final java.util.Map<String, List<Long>> entries = new java.util.HashMap<>();

	long transitions;

	long activations;

	boolean numeric;

	private @org.jspecify.annotations.Nullable String state;

	private long activeSince = -1;

	private final ZoneId zone;

	EntityActivity(String entityId, int index, ZoneId zone) {
		this.entityId = entityId;
		this.domain = entityId.substring(0, entityId.indexOf('.'));
		this.index = index;
		this.zone = zone;
	}

	static boolean isActive(String state) {
		return !INACTIVE.contains(state);
	}

	/**
	 * Takes the next row of the history.
	 * @param newState the state
	 * @param at when it was entered (clamped to the period's start for the first row)
	 * @param first whether this is the state at the start of the period
	 * @param events where activations are collected for co-occurrences
	 */
	void row(String newState, Instant at, boolean first, ActivationLog events) {
		long epoch = at.getEpochSecond();
		if (first) {
			this.state = newState;
			this.numeric = isNumber(newState);
			if (!this.numeric && isActive(newState)) {
				this.activeSince = epoch;
			}
			return;
		}
		if (newState.equals(this.state)) {
			return;
		}
		this.transitions++;
		this.state = newState;
		if (this.numeric || isNumber(newState)) {
			this.numeric = true;
			return;
		}
		List<Long> times = this.entries.computeIfAbsent(newState, (key) -> new ArrayList<>());
		if (times.size() < MAX_ENTRIES) {
			times.add(epoch);
		}
		boolean active = isActive(newState);
		if (active && this.activeSince < 0) {
			this.activeSince = epoch;
			this.activations++;
			ZonedDateTime local = at.atZone(this.zone);
			this.activity[local.getDayOfWeek().getValue() - 1][local.getHour()]++;
			events.add(epoch * 1000 + at.getNano() / 1_000_000, this.index, newState);
		}
		else if (!active && this.activeSince >= 0) {
			this.onSeconds.add(epoch - this.activeSince);
			this.activeSince = -1;
		}
	}

	/**
	 * Takes the next row of a measurement, whose changes are only counted.
	 * @param newState the measured value
	 */
	void measurement(String newState) {
		if (!newState.equals(this.state)) {
			this.transitions++;
			this.state = newState;
		}
	}

	private static boolean isNumber(String state) {
		if (state.isEmpty()) {
			return false;
		}
		char c = state.charAt(0);
		if (!(Character.isDigit(c) || c == '-' || c == '.')) {
			return false;
		}
		try {
			Double.parseDouble(state);
			return true;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

}
