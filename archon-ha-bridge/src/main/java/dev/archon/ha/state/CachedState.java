package dev.archon.ha.state;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One entity's state as Home Assistant sent it, with what the cache needs to filter and
 * order it.
 *
 * @param entityId the entity id
 * @param domain its domain
 * @param lastUpdated when the state or its attributes last changed; of two states of an
 * entity the later one wins
 * @param json the state object exactly as Home Assistant sent it
 * @param body the state object serialized once, as UTF-8 JSON, so that a read is a copy
 * of these bytes rather than a serialization; never to be modified
 */
public record CachedState(String entityId, String domain, Instant lastUpdated, JsonNode json, byte[] body) {

	/**
	 * Reads a state object.
	 * @param json a state object of Home Assistant
	 * @return the cached form, or {@code null} when it has no valid entity id
	 */
	public static @Nullable CachedState of(JsonNode json) {
		String entityId = json.path("entity_id").asString("");
		if (!EntityIds.isValid(entityId)) {
			return null;
		}
		// JsonNode renders itself as valid JSON.
		return new CachedState(entityId, EntityIds.domain(entityId), instant(json.path("last_updated").asString("")),
				json, json.toString().getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The state object as JSON text.
	 * @return the text of {@link #body()}
	 */
	public String bodyText() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

	public String state() {
		return this.json.path("state").asString("");
	}

	public String friendlyName() {
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
