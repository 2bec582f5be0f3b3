package dev.archon.sim.ha;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.util.RawValue;

/**
 * One entity's state, immutable, exactly as Home Assistant's {@code State}: its JSON is
 * computed once and then reused for every client, the way Home Assistant caches its JSON
 * fragments.
 */
public final class HaState {

	private final String entityId;

	private final String state;

	private final Map<String, Object> attributes;

	private final Instant lastChanged;

	private final Instant lastReported;

	private final Instant lastUpdated;

	private final HaContext context;

	private volatile @Nullable String json;

	private volatile @Nullable String compressedJson;

	/**
	 * Creates a state.
	 * @param entityId the entity id
	 * @param state the state text (Home Assistant limits it to 255 characters)
	 * @param attributes the attributes, kept as given; callers pass a map they no longer
	 * change
	 * @param lastChanged when the state text last changed
	 * @param lastReported when the state was last written, changed or not
	 * @param lastUpdated when the state or its attributes last changed
	 * @param context what caused it
	 */
	public HaState(String entityId, String state, Map<String, Object> attributes, Instant lastChanged,
			Instant lastReported, Instant lastUpdated, HaContext context) {
		this.entityId = entityId;
		this.state = state;
		this.attributes = attributes;
		this.lastChanged = lastChanged;
		this.lastReported = lastReported;
		this.lastUpdated = lastUpdated;
		this.context = context;
	}

	public String entityId() {
		return this.entityId;
	}

	public String domain() {
		return EntityIds.domain(this.entityId);
	}

	public String state() {
		return this.state;
	}

	public Map<String, Object> attributes() {
		return this.attributes;
	}

	public Instant lastChanged() {
		return this.lastChanged;
	}

	public Instant lastReported() {
		return this.lastReported;
	}

	public Instant lastUpdated() {
		return this.lastUpdated;
	}

	public HaContext context() {
		return this.context;
	}

	public HaState reported(Instant at) {
		return new HaState(this.entityId, this.state, this.attributes, this.lastChanged, at, this.lastUpdated,
				this.context);
	}

	/**
	 * The state as Home Assistant's {@code State.as_dict}.
	 * @return the JSON text
	 */
	public String json() {
		String result = this.json;
		if (result == null) {
			Map<String, Object> dict = new LinkedHashMap<>(8);
			dict.put("entity_id", this.entityId);
			dict.put("state", this.state);
			dict.put("attributes", this.attributes);
			dict.put("last_changed", Timestamps.iso(this.lastChanged));
			dict.put("last_reported", Timestamps.iso(this.lastReported));
			dict.put("last_updated", Timestamps.iso(this.lastUpdated));
			dict.put("context", this.context.asDict());
			result = HaJson.write(dict);
			this.json = result;
		}
		return result;
	}

	/**
	 * The state as Home Assistant's {@code State.as_compressed_state}, used by
	 * {@code subscribe_entities}: {@code s}, {@code a}, {@code c}, {@code lc} and
	 * {@code lu} only when it differs from {@code lc}.
	 * @return the JSON text
	 */
	public String compressedJson() {
		String result = this.compressedJson;
		if (result == null) {
			Map<String, Object> dict = new LinkedHashMap<>(8);
			dict.put("s", this.state);
			dict.put("a", this.attributes);
			dict.put("c", this.context.compressed());
			dict.put("lc", Timestamps.epochSeconds(this.lastChanged));
			if (!this.lastChanged.equals(this.lastUpdated)) {
				dict.put("lu", Timestamps.epochSeconds(this.lastUpdated));
			}
			result = HaJson.write(dict);
			this.compressedJson = result;
		}
		return result;
	}

	@JsonValue
	RawValue jsonValue() {
		return new RawValue(json());
	}

	@Override
	public String toString() {
		return "<state " + this.entityId + "=" + this.state + ">";
	}

}
