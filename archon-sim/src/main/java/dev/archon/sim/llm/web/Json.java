package dev.archon.sim.llm.web;

import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON for the wire protocols. A mapper of its own rather than the application's, so that
 * no Jackson setting made for another simulator can change the providers' exact shapes.
 */
final class Json {

	private static final JsonMapper MAPPER = JsonMapper.shared();

	private Json() {
	}

	static ObjectNode object() {
		return MAPPER.createObjectNode();
	}

	static byte[] bytes(JsonNode node) {
		return MAPPER.writeValueAsBytes(node);
	}

	static String string(JsonNode node) {
		return MAPPER.writeValueAsString(node);
	}

	static JsonNode read(byte[] body) {
		return MAPPER.readTree(body);
	}

	/**
	 * Appends a JSON string literal, quotes included, to a hand-built document.
	 */
	static StringBuilder quote(StringBuilder json, String value) {
		json.append('"');
		JsonStringEncoder.getInstance().quoteAsString(value, json);
		return json.append('"');
	}

}
