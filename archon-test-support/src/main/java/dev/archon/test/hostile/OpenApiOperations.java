package dev.archon.test.hostile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.archon.test.http.RawHttp;

/**
 * The operations that a service's OpenAPI document ({@code /v3/api-docs}) describes, so
 * that a test of every operation covers a new one without being edited.
 */
public final class OpenApiOperations {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

	private OpenApiOperations() {
	}

	/**
	 * Every operation of the OpenAPI document of a running service.
	 * @param port the service's loopback port
	 * @return its operations, in the document's order
	 * @throws IOException if the service does not answer
	 */
	public static List<Operation> of(int port) throws IOException {
		return of(json.readTree(RawHttp.send(port, "GET", "/v3/api-docs").body()));
	}

	/**
	 * Every operation of a document.
	 * @param document the OpenAPI document
	 * @return its operations, in the document's order
	 */
	public static List<Operation> of(JsonNode document) {
		List<Operation> operations = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
			for (String method : METHODS) {
				JsonNode operation = path.getValue().path(method);
				if (!operation.isMissingNode()) {
					operations.add(operation(method.toUpperCase(Locale.ROOT), path.getKey(), operation, document));
				}
			}
		}
		return operations;
	}

	private static Operation operation(String method, String path, JsonNode operation, JsonNode document) {
		List<Parameter> parameters = new ArrayList<>();
		for (JsonNode parameter : operation.path("parameters")) {
			JsonNode resolved = parameter.has("$ref") ? document.at(parameter.get("$ref").asString().substring(1))
					: parameter;
			parameters.add(new Parameter(resolved.path("name").asString(), resolved.path("in").asString(),
					resolved.path("required").asBoolean(false)));
		}
		List<String> mediaTypes = new ArrayList<>();
		JsonShape body = null;
		for (Map.Entry<String, JsonNode> content : operation.path("requestBody").path("content").properties()) {
			mediaTypes.add(content.getKey());
			body = JsonShape.of(content.getValue().path("schema"), document);
		}
		return new Operation(method, path, List.copyOf(parameters), List.copyOf(mediaTypes), body);
	}

	/**
	 * An operation.
	 *
	 * @param method the HTTP method
	 * @param path the path template, such as {@code /api/v1/agents/{id}}
	 * @param parameters its parameters
	 * @param bodyMediaTypes the media types its request body may have, none without one
	 * @param body the shape of its request body, {@code null} without one
	 */
	public record Operation(String method, String path, List<Parameter> parameters, List<String> bodyMediaTypes,
			@Nullable JsonShape body) {

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

	/**
	 * A parameter of an operation.
	 *
	 * @param name its name
	 * @param in where it travels: {@code path}, {@code query}, {@code header} or
	 * {@code cookie}
	 * @param required whether the operation needs it
	 */
	public record Parameter(String name, String in, boolean required) {

	}

}
