package dev.archon.ha.patterns;

import java.util.Arrays;

/**
 * A growable list of primitive longs: a week of a busy entity costs no boxing.
 */
final class Longs {

	private long[] values = new long[8];

	private int size;

	void add(long value) {
		if (this.size == this.values.length) {
			this.values = Arrays.copyOf(this.values, this.size * 2);
		}
		this.values[this.size++] = value;
	}

	long get(int index) {
		return this.values[index];
	}

	int size() {
		return this.size;
	}

	boolean isEmpty() {
		return this.size == 0;
	}

	/** A sorted copy of the values. */
	long[] sorted() {
		long[] copy = Arrays.copyOf(this.values, this.size);
		Arrays.sort(copy);
		return copy;
	}

}
