package dev.archon.sim.ha.history;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.archon.sim.ha.HaState;
import dev.archon.sim.ha.demo.EntitySpec;

/**
 * One row of an entity's history, handed to a {@link History.RowSink} and reused for the
 * next row, so that reading millions of rows allocates almost nothing. Attributes are
 * only made when asked for.
 */
public final class HistoryRow {

	private String state = "";

	private long lastChanged;

	private long lastUpdated;

	private @Nullable HaState live;

	private @Nullable EntitySpec spec;

	void generated(EntitySpec spec, String state, long time) {
		this.spec = spec;
		this.live = null;
		this.state = state;
		this.lastChanged = time;
		this.lastUpdated = time;
	}

	void live(HaState state, long lastChanged, long lastUpdated) {
		this.spec = null;
		this.live = state;
		this.state = state.state();
		this.lastChanged = lastChanged;
		this.lastUpdated = lastUpdated;
	}

	public String state() {
		return this.state;
	}

	/**
	 * When the state last changed.
	 * @return microseconds since the epoch
	 */
	public long lastChanged() {
		return this.lastChanged;
	}

	/**
	 * When the state or its attributes last changed.
	 * @return microseconds since the epoch
	 */
	public long lastUpdated() {
		return this.lastUpdated;
	}

	public Map<String, Object> attributes() {
		if (this.live != null) {
			return this.live.attributes();
		}
		if (this.spec != null) {
			return this.spec.attributes(this.state);
		}
		return Map.of();
	}

}
