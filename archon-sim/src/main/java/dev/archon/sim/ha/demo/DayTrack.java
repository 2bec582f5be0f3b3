package dev.archon.sim.ha.demo;

import java.util.Arrays;

/**
 * One entity's generated history for one local day: the state at midnight and the changes
 * after it, as two parallel arrays so that 10,000 entities cost little.
 */
public final class DayTrack {

	private final String startState;

	private long[] times;

	private String[] states;

	private int size;

	DayTrack(String startState) {
		this.startState = startState;
		this.times = new long[8];
		this.states = new String[8];
	}

	public String startState() {
		return this.startState;
	}

	public int size() {
		return this.size;
	}

	/**
	 * When change {@code index} happens.
	 * @param index the change's index
	 * @return microseconds since the epoch
	 */
	public long time(int index) {
		return this.times[index];
	}

	public String state(int index) {
		return this.states[index];
	}

	void add(long epochMicros, String state) {
		if (this.size == this.times.length) {
			this.times = Arrays.copyOf(this.times, this.size * 2);
			this.states = Arrays.copyOf(this.states, this.size * 2);
		}
		this.times[this.size] = epochMicros;
		this.states[this.size] = state;
		this.size++;
	}

}
