package dev.archon.ha.patterns;

import java.util.Arrays;

/**
 * Every activation of every entity in the period, kept as parallel primitive arrays so
 * that a week of a large home stays small, then sorted by time for the co-occurrence
 * scan.
 */
final class ActivationLog {

	private long[] times = new long[1024];

	private int[] entities = new int[1024];

	private String[] states = new String[1024];

	private int size;

	synchronized void add(long epochMillis, int entity, String state) {
		if (this.size == this.times.length) {
			int capacity = this.size * 2;
			this.times = Arrays.copyOf(this.times, capacity);
			this.entities = Arrays.copyOf(this.entities, capacity);
			this.states = Arrays.copyOf(this.states, capacity);
		}
		this.times[this.size] = epochMillis;
		this.entities[this.size] = entity;
		this.states[this.size] = state;
		this.size++;
	}

	int size() {
		return this.size;
	}

	long time(int i) {
		return this.times[i];
	}

	int entity(int i) {
		return this.entities[i];
	}

	String state(int i) {
		return this.states[i];
	}

	/** Orders the log by time; entries of equal time keep no particular order. */
	void sort() {
		Integer[] order = new Integer[this.size];
		for (int i = 0; i < this.size; i++) {
			order[i] = i;
		}
		Arrays.sort(order, (a, b) -> Long.compare(this.times[a], this.times[b]));
		long[] sortedTimes = new long[this.size];
		int[] sortedEntities = new int[this.size];
		String[] sortedStates = new String[this.size];
		for (int i = 0; i < this.size; i++) {
			sortedTimes[i] = this.times[order[i]];
			sortedEntities[i] = this.entities[order[i]];
			sortedStates[i] = this.states[order[i]];
		}
		this.times = sortedTimes;
		this.entities = sortedEntities;
		this.states = sortedStates;
	}

}
