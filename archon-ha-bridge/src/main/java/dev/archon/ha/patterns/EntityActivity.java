package dev.archon.ha.patterns;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One entity's history, folded as it streams past: transitions, activations by weekday
 * and hour, on-durations, and the local times at which it entered each state. Rows of one
 * entity arrive in time order from one reader, so nothing here is shared between threads.
 */
final class EntityActivity {

	/** States in which an entity is idle; every other non-numeric state is activity. */
	private static final Set<String> INACTIVE = Set.of("off", "unavailable", "unknown", "idle", "standby", "closed",
			"locked", "paused", "not_home", "away", "none", "");

	/** Enough entries of one state for a month of a busy entity. */
	private static final int MAX_ENTRIES = 4096;

	private static final long NOT_ACTIVE = Long.MIN_VALUE;

	final String entityId;

	final String domain;

	final int index;

	/** Activations by weekday (Monday first) and hour of the local day. */
	final int[][] activity = new int[7][24];

	/** How long each activation lasted, in seconds. */
	final Longs onSeconds = new Longs();

	/** Per state, the local times it was entered at (see {@link LocalClock#local}). */
	final Map<String, Longs> entries = new HashMap<>();

	long transitions;

	long activations;

	/** Whether the entity is a measurement, whose changes are only counted. */
	boolean numeric;

	private @Nullable String state;

	/** A measurement's last value, kept as characters so that no row makes a string. */
	private char[] value = new char[16];

	private int valueLength;

	private long activeSince = NOT_ACTIVE;

	private final LocalClock clock;

	EntityActivity(String entityId, int index, ZoneId zone) {
		this.entityId = entityId;
		this.domain = entityId.substring(0, entityId.indexOf('.'));
		this.index = index;
		this.clock = new LocalClock(zone);
	}

	static boolean isActive(String state) {
		return !INACTIVE.contains(state);
	}

	/**
	 * Takes the state at the start of the period.
	 * @param startState the state
	 * @param micros when the period starts, in microseconds since the epoch
	 */
	void start(String startState, long micros) {
		this.state = startState;
		char[] chars = startState.toCharArray();
		this.numeric = isNumber(chars, 0, chars.length);
		if (this.numeric) {
			remember(chars, 0, chars.length);
		}
		else if (isActive(startState)) {
			this.activeSince = Math.floorDiv(micros, 1_000_000);
		}
	}

	/**
	 * Takes the next change of a non-numeric state.
	 * @param newState the state
	 * @param micros when it was entered, in microseconds since the epoch
	 * @param log where activations are collected for co-occurrences
	 */
	void row(String newState, long micros, ActivationLog log) {
		if (newState.equals(this.state)) {
			return;
		}
		this.transitions++;
		this.state = newState;
		long epochSecond = Math.floorDiv(micros, 1_000_000);
		long local = this.clock.local(epochSecond);
		Longs times = this.entries.computeIfAbsent(newState, (key) -> new Longs());
		if (times.size() < MAX_ENTRIES) {
			times.add(local);
		}
		boolean active = isActive(newState);
		if (active && this.activeSince == NOT_ACTIVE) {
			this.activeSince = epochSecond;
			this.activations++;
			this.activity[LocalClock.weekday(LocalClock.day(local))][LocalClock.minuteOfDay(local) / 60]++;
			log.add(Math.floorDiv(micros, 1_000), this.index);
		}
		else if (!active && this.activeSince != NOT_ACTIVE) {
			this.onSeconds.add(epochSecond - this.activeSince);
			this.activeSince = NOT_ACTIVE;
		}
	}

	/**
	 * Takes the next row of a measurement, or a number in an entity that had none so far,
	 * which from then on is a measurement.
	 * @param chars holds the value
	 * @param offset where it starts
	 * @param length how long it is
	 */
	void measurement(char[] chars, int offset, int length) {
		if (!this.numeric) {
			this.numeric = true;
			this.state = null;
			this.transitions++;
		}
		else if (!sameValue(chars, offset, length)) {
			this.transitions++;
		}
		else {
			return;
		}
		remember(chars, offset, length);
	}

	private boolean sameValue(char[] chars, int offset, int length) {
		if (length != this.valueLength) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			if (chars[offset + i] != this.value[i]) {
				return false;
			}
		}
		return true;
	}

	private void remember(char[] chars, int offset, int length) {
		if (length > this.value.length) {
			this.value = new char[length];
		}
		System.arraycopy(chars, offset, this.value, 0, length);
		this.valueLength = length;
	}

	/**
	 * Whether a state is a number, as sensors report them ({@code 21.5}, {@code -3},
	 * {@code 1.2e-05}).
	 * @param c holds the state
	 * @param offset where it starts
	 * @param length how long it is
	 * @return whether it is a number
	 */
	static boolean isNumber(char[] c, int offset, int length) {
		int i = offset;
		int end = offset + length;
		if (i < end && (c[i] == '-' || c[i] == '+')) {
			i++;
		}
		int digits = 0;
		while (i < end && c[i] >= '0' && c[i] <= '9') {
			i++;
			digits++;
		}
		if (i < end && c[i] == '.') {
			i++;
			while (i < end && c[i] >= '0' && c[i] <= '9') {
				i++;
				digits++;
			}
		}
		if (digits == 0) {
			return false;
		}
		if (i < end && (c[i] == 'e' || c[i] == 'E')) {
			i++;
			if (i < end && (c[i] == '-' || c[i] == '+')) {
				i++;
			}
			int exponent = 0;
			while (i < end && c[i] >= '0' && c[i] <= '9') {
				i++;
				exponent++;
			}
			if (exponent == 0) {
				return false;
			}
		}
		return i == end;
	}

}
