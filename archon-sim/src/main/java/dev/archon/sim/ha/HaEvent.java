package dev.archon.sim.ha;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.util.RawValue;

/**
 * An event on the bus, like Home Assistant's {@code Event}. Its JSON is made once and
 * shared by every subscriber.
 *
 * @param eventType the event type, {@code state_changed} for state changes
 * @param data the event data; for {@code state_changed} the entity id and the old and new
 * state
 * @param origin {@code LOCAL} or {@code REMOTE}
 * @param timeFired when it was fired
 * @param context what caused it
 * @param cache holds the JSON once made
 */
public record HaEvent(String eventType, Map<String, @Nullable Object> data, String origin, Instant timeFired,
		HaContext context, Cache cache) {

	public static final String STATE_CHANGED = "state_changed";

	public static HaEvent stateChanged(String entityId, @Nullable HaState oldState, @Nullable HaState newState,
			HaContext context, Instant timeFired) {
		Map<String, @Nullable Object> data = new LinkedHashMap<>(4);
		data.put("entity_id", entityId);
		data.put("old_state", oldState);
		data.put("new_state", newState);
		return new HaEvent(STATE_CHANGED, data, "LOCAL", timeFired, context, new Cache());
	}

	public static HaEvent of(String eventType, Map<String, @Nullable Object> data, String origin, HaContext context) {
		return new HaEvent(eventType, data, origin, Timestamps.now(), context, new Cache());
	}

	public @Nullable HaState oldState() {
		return (this.data.get("old_state") instanceof HaState state) ? state : null;
	}

	public @Nullable HaState newState() {
		return (this.data.get("new_state") instanceof HaState state) ? state : null;
	}

	/**
	 * The event as Home Assistant's {@code Event.as_dict}.
	 * @return the JSON text
	 */
	public String json() {
		String result = this.cache.json;
		if (result == null) {
			Map<String, Object> dict = new LinkedHashMap<>(8);
			dict.put("event_type", this.eventType);
			dict.put("data", this.data);
			dict.put("origin", this.origin);
			dict.put("time_fired", Timestamps.iso(this.timeFired));
			dict.put("context", this.context.asDict());
			result = HaJson.write(dict);
			this.cache.json = result;
		}
		return result;
	}

	@JsonValue
	RawValue jsonValue() {
		return new RawValue(json());
	}

	/**
	 * JSON made once per event; the compressed entity diff is kept here too.
	 */
	public static final class Cache {

		volatile @Nullable String json;

		private volatile @Nullable String entityDiff;

		public @Nullable String entityDiff() {
			return this.entityDiff;
		}

		public void entityDiff(String diff) {
			this.entityDiff = diff;
		}

	}

}
