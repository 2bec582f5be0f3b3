package dev.archon.ha.patterns;

import java.util.Arrays;

/**
 * Every activation of every entity in the period, kept as parallel primitive arrays so
 * that a week of a large home stays small, then sorted by time for the co-occurrence
 * scan. Readers of several history responses add to it at once.
 */
final class ActivationLog {

	private long[] times = new long[1024];

	private int[] entities = new int[1024];

	private int size;

	/**
	 * Records an activation.
	 * @param epochMillis when
	 * @param entity the entity's index
	 */
	synchronized void add(long epochMillis, int entity) {
		if (this.size == this.times.length) {
			int capacity = this.size * 2;
			this.times = Arrays.copyOf(this.times, capacity);
			this.entities = Arrays.copyOf(this.entities, capacity);
		}
		this.times[this.size] = epochMillis;
		this.entities[this.size] = entity;
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

	/**
	 * Orders the log by time, then entity. Each entry is packed into one long, its time
	 * since the earliest in the high bits and its entity below, so that sorting is one
	 * primitive sort.
	 * @param entityCount how many entities there are: indexes lie below it
	 */
	void sort(int entityCount) {
		if (this.size == 0) {
			return;
		}
		long earliest = Long.MAX_VALUE;
		for (int i = 0; i < this.size; i++) {
			earliest = Math.min(earliest, this.times[i]);
		}
		int entityBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, entityCount - 1));
		long[] packed = new long[this.size];
		for (int i = 0; i < this.size; i++) {
			packed[i] = ((this.times[i] - earliest) << entityBits) | this.entities[i];
		}
		Arrays.sort(packed);
		long mask = (1L << entityBits) - 1;
		for (int i = 0; i < this.size; i++) {
			this.times[i] = earliest + (packed[i] >>> entityBits);
			this.entities[i] = (int) (packed[i] & mask);
		}
	}

}
