package dev.archon.test.hostile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What an OpenAPI schema says a JSON value looks like, as far as a generator of wrong
 * values needs to know: its type, an object's members and an array's items.
 *
 * @param type the schema's type ({@code object}, {@code array}, {@code string},
 * {@code integer}, {@code number}, {@code boolean}), or an empty string when it names
 * none
 * @param members an object's members by name
 * @param items what an array holds
 */
public record JsonShape(String type, Map<String, JsonShape> members, @Nullable JsonShape items) {

	/** Deeper than any body of ours, and bounds a schema that refers to itself. */
	private static final int MAX_DEPTH = 6;

	/**
	 * The shape of a schema, its references resolved.
	 * @param schema the schema
	 * @param document the OpenAPI document whose components the references name
	 * @return the shape
	 */
	public static JsonShape of(JsonNode schema, JsonNode document) {
		return of(schema, document, 0);
	}

	private static JsonShape of(JsonNode schema, JsonNode document, int depth) {
		JsonNode resolved = resolve(schema, document);
		if (depth > MAX_DEPTH) {
			return new JsonShape(resolved.path("type").asString(""), Map.of(), null);
		}
		Map<String, JsonShape> members = new LinkedHashMap<>();
		resolved.path("properties")
			.properties()
			.forEach((member) -> members.put(member.getKey(), of(member.getValue(), document, depth + 1)));
		JsonShape items = resolved.has("items") ? of(resolved.get("items"), document, depth + 1) : null;
		String type = resolved.path("type").asString(members.isEmpty() ? "" : "object");
		return new JsonShape(type, Collections.unmodifiableMap(members), items);
	}

	private static JsonNode resolve(JsonNode schema, JsonNode document) {
		JsonNode resolved = schema;
		while (resolved.has("$ref")) {
			resolved = document.at(resolved.get("$ref").asString().substring(1));
		}
		return resolved;
	}

}
