package dev.archon.ha.state;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.util.RawValue;

/**
 * One entity's state as Home Assistant sent it, with what the cache needs to filter and
 * order it.
 */
public final class CachedState {

	private final String entityId;

	private final String domain;

	private final Instant lastUpdated;

	private final JsonNode json;

	/**
	 * The state object serialized, once, on the first read: most states are replaced by
	 * the next change before anyone reads them, so serializing every change would cost
	 * the event path for nothing.
	 */
	private volatile @Nullable SerializedString text;

	/**
	 * A state.
	 * @param entityId the entity id
	 * @param domain its domain
	 * @param lastUpdated when the state or its attributes last changed; of two states of
	 * an entity the later one wins
	 * @param json the state object exactly as Home Assistant sent it
	 */
	CachedState(String entityId, String domain, Instant lastUpdated, JsonNode json) {
		this.entityId = entityId;
		this.domain = domain;
		this.lastUpdated = lastUpdated;
		this.json = json;
	}

	/**
	 * Reads a state object.
	 * @param json a state object of Home Assistant
	 * @return the cached form, or {@code null} when it has no valid entity id
	 */
	static @Nullable CachedState of(JsonNode json) {
		String entityId = json.path("entity_id").asString("");
		if (!EntityIds.isValid(entityId)) {
			return null;
		}
		return new CachedState(entityId, EntityIds.domain(entityId), instant(json.path("last_updated").asString("")),
				json);
	}

	public String entityId() {
		return this.entityId;
	}

	String domain() {
		return this.domain;
	}

	Instant lastUpdated() {
		return this.lastUpdated;
	}

	/**
	 * The state object exactly as Home Assistant sent it.
	 * @return the state object; never to be modified
	 */
	JsonNode json() {
		return this.json;
	}

	/**
	 * The state object as JSON text.
	 * @return the text, serialized once
	 */
	String text() {
		return serialized().getValue();
	}

	/**
	 * The state object as a node that writes its cached JSON as it is, so that a read
	 * copies the bytes serialized once rather than serializing the tree again.
	 * @return the node
	 */
	public JsonNode rawJson() {
		return JsonNodeFactory.instance.rawValueNode(new RawValue(serialized()));
	}

	private SerializedString serialized() {
		SerializedString serialized = this.text;
		if (serialized == null) {
			// JsonNode renders itself as valid JSON. Two first readers may both do it,
			// with the same result. SerializedString keeps its UTF-8 bytes once written.
			serialized = new SerializedString(this.json.toString());
			this.text = serialized;
		}
		return serialized;
	}

	public String state() {
		return this.json.path("state").asString("");
	}

	String friendlyName() {
		return this.json.path("attributes").path("friendly_name").asString("");
	}

	boolean matches(String text) {
		String lower = text.toLowerCase(Locale.ROOT);
		return this.entityId.contains(lower) || friendlyName().toLowerCase(Locale.ROOT).contains(lower);
	}

	static Instant instant(String iso) {
		try {
			return OffsetDateTime.parse(iso).toInstant();
		}
		catch (DateTimeParseException ex) {
			return Instant.EPOCH;
		}
	}

}
