package dev.archon.test.hostile;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.jspecify.annotations.Nullable;

import dev.archon.test.hostile.OpenApiOperations.Operation;
import dev.archon.test.hostile.OpenApiOperations.Parameter;

/**
 * Hostile requests for an operation of an OpenAPI document: each path variable, query
 * parameter, header parameter and the body generated, and parameters left out, repeated
 * or added.
 */
public final class HostileRequests {

	private static final String JSON = "application/json";

	private static final Arbitrary<String> CONTENT_TYPES = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(JSON)),
			Tuple.of(1, Arbitraries.of("application/json;charset=UTF-16", "application/json;charset=nonsense",
					"text/plain", "application/x-www-form-urlencoded", "multipart/form-data", "", "*/*")));

	private HostileRequests() {
	}

	/**
	 * The hostile requests for an operation.
	 * @param operation the operation
	 * @return its requests
	 * @throws IllegalArgumentException if the operation has a part that no generator here
	 * covers, so that a test of every operation cannot silently skip it
	 */
	public static Arbitrary<HostileRequest> of(Operation operation) {
		List<Arbitrary<String>> targetParts = new ArrayList<>();
		targetParts.add(path(operation));
		List<Arbitrary<List<String>>> headers = new ArrayList<>();
		for (Parameter parameter : operation.parameters()) {
			switch (parameter.in()) {
				case "path" -> {
				}
				case "query" -> targetParts.add(query(parameter));
				case "header" -> headers.add(header(parameter));
				default -> throw noGenerator(operation, "parameters in " + parameter.in());
			}
		}
		targetParts.add(Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.just("")),
				Tuple.of(1, HostileSegments.encoded().map((value) -> "&undocumented=" + value))));
		Arbitrary<String> target = Combinators.combine(targetParts).as(HostileRequests::target);
		Arbitrary<List<String>> headerLines = Combinators.combine(headers)
			.as((lines) -> lines.stream().flatMap(List::stream).toList());
		return Combinators.combine(target, headerLines, body(operation))
			.as((path, lines, body) -> new HostileRequest(operation.method(), path, withContentType(lines, body),
					(body != null) ? body.bytes() : null));
	}

	private static Arbitrary<String> path(Operation operation) {
		String[] pieces = operation.path().split("\\{[^}]+}", -1);
		List<Arbitrary<String>> segments = new ArrayList<>();
		for (int i = 0; i < pieces.length - 1; i++) {
			segments.add(HostileSegments.encoded());
		}
		return Combinators.combine(segments).as((values) -> {
			StringBuilder path = new StringBuilder(pieces[0]);
			for (int i = 0; i < values.size(); i++) {
				path.append(values.get(i)).append(pieces[i + 1]);
			}
			return path.toString();
		});
	}

	/** A query parameter as {@code &name=value} pieces: absent, once, or twice. */
	private static Arbitrary<String> query(Parameter parameter) {
		Arbitrary<String> once = HostileSegments.encoded().map((value) -> "&" + parameter.name() + "=" + value);
		return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just("")), Tuple.of(6, once),
				Tuple.of(1, Combinators.combine(once, once).as(String::concat)),
				Tuple.of(1, Arbitraries.just("&" + parameter.name())));
	}

	private static Arbitrary<List<String>> header(Parameter parameter) {
		return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(List.of())),
				Tuple.of(3, HostileSegments.headerValues().map((value) -> List.of(parameter.name() + ": " + value))));
	}

	private static Arbitrary<@Nullable Body> body(Operation operation) {
		if (operation.body() == null) {
			return Arbitraries.just(null);
		}
		if (!operation.bodyMediaTypes().contains(JSON)) {
			throw noGenerator(operation, "bodies of " + operation.bodyMediaTypes());
		}
		return Combinators.combine(HostileJson.bodies(operation.body()), CONTENT_TYPES).as(Body::new);
	}

	private static String target(List<String> parts) {
		String query = String.join("", parts.subList(1, parts.size()));
		return parts.get(0) + (query.isEmpty() ? "" : "?" + query.substring(1));
	}

	private static List<String> withContentType(List<String> headers, @Nullable Body body) {
		if (body == null || body.contentType().isEmpty()) {
			return headers;
		}
		List<String> lines = new ArrayList<>(headers);
		lines.add("Content-Type: " + body.contentType());
		return List.copyOf(lines);
	}

	private static IllegalArgumentException noGenerator(Operation operation, String what) {
		return new IllegalArgumentException(
				"No generator of hostile input for " + what + ", which " + operation + " takes: add one");
	}

	private record Body(byte[] bytes, String contentType) {

	}

}
