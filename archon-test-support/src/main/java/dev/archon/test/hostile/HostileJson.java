package dev.archon.test.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Request bodies that a JSON endpoint must refuse politely or accept safely: the
 * documented shape with each member's value of the wrong type, out of range or made of
 * {@link HostileText}; undocumented and duplicated members; JSON of another shape
 * altogether; nesting deeper than any parser's default limit; broken JSON; and bytes that
 * are not UTF-8.
 */
public final class HostileJson {

	private static final int DEEP = 5_000;

	private static final Arbitrary<String> NUMBERS = Arbitraries.of("0", "-1", "-0", "1.5", "2147483648", "-2147483649",
			"9223372036854775808", "1e400", "-1e400", "1e-400",
			"123456789012345678901234567890123456789012345678901234567890", "0.1e99999");

	private static final Arbitrary<String> MALFORMED = Arbitraries.of("", "{", "}", "[", "{\"", "{\"a\":}", "{'a':1}",
			"{a:1}", "{\"a\":1,}", "[1,]", "{} {}", "nul", "tru", "01", "+1", ".5", "NaN", "Infinity", "\"\\x00\"",
			"\"\\u12\"", "\"\\ud800\"", "/* c */ {}", "{\"a\":1} trailing", "\ufeff{}");

	private static final Arbitrary<byte[]> NOT_UTF8 = Arbitraries.of(new byte[] { (byte) 0xff },
			new byte[] { (byte) 0xc0, (byte) 0xae }, new byte[] { (byte) 0xed, (byte) 0xa0, (byte) 0x80 },
			new byte[] { (byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80 }, new byte[] { (byte) 0xe2, (byte) 0x82 },
			new byte[] { (byte) 0x80 }, new byte[] { 0 });

	private HostileJson() {
	}

	/**
	 * Bodies for an operation that documents a body of the given shape.
	 * @param shape the documented shape
	 * @return the bodies, as the bytes to send
	 */
	public static Arbitrary<byte[]> bodies(JsonShape shape) {
		Arbitrary<byte[]> text = Arbitraries
			.frequencyOf(Tuple.of(6, value(shape, 0)), Tuple.of(2, anyValue(0)), Tuple.of(1, deeplyNested()),
					Tuple.of(1, MALFORMED))
			.map((json) -> json.getBytes(StandardCharsets.UTF_8));
		return Arbitraries.frequencyOf(Tuple.of(9, text), Tuple.of(1, withBytesThatAreNotUtf8(shape)));
	}

	/**
	 * A value for a member of the given shape: mostly of its type with hostile content,
	 * sometimes of another type altogether.
	 */
	private static Arbitrary<String> value(JsonShape shape, int depth) {
		Arbitrary<String> typed = switch (shape.type()) {
			case "object" -> object(shape.members(), depth);
			case "array" -> array((shape.items() != null) ? shape.items() : new JsonShape("", Map.of(), null), depth);
			case "integer", "number" -> NUMBERS;
			case "boolean" -> Arbitraries.of("true", "false");
			case "string" -> HostileText.strings().map(HostileJson::quoted);
			default -> anyValue(depth);
		};
		return Arbitraries.frequencyOf(Tuple.of(3, typed), Tuple.of(1, anyValue(depth)));
	}

	private static Arbitrary<String> object(Map<String, JsonShape> members, int depth) {
		if (members.isEmpty() || depth > 4) {
			return anyObject(depth);
		}
		List<Arbitrary<String>> documented = members.entrySet()
			.stream()
			.map((member) -> Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just("")),
					Tuple.of(4, value(member.getValue(), depth + 1).map((value) -> member(member.getKey(), value)))))
			.toList();
		Arbitrary<String> extra = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just("")),
				Tuple.of(1, anyValue(depth + 1).map((value) -> member("undocumented", value))),
				Tuple.of(1, Arbitraries.of(members.keySet().stream().toList())
					.flatMap((name) -> anyValue(depth + 1).map((value) -> member(name, value)))));
		return Combinators.combine(documented).as((values) -> values).flatMap((values) -> extra.map((duplicate) -> {
			List<String> present = values.stream().filter((value) -> !value.isEmpty()).toList();
			String joined = String.join(",", present);
			return "{" + joined + ((duplicate.isEmpty() || joined.isEmpty()) ? duplicate : "," + duplicate) + "}";
		}));
	}

	private static Arbitrary<String> array(JsonShape items, int depth) {
		if (depth > 4) {
			return Arbitraries.just("[]");
		}
		return value(items, depth + 1).list().ofMaxSize(4).map((values) -> "[" + String.join(",", values) + "]");
	}

	/** Any JSON value, of whatever type. */
	private static Arbitrary<String> anyValue(int depth) {
		Arbitrary<String> scalar = Arbitraries.oneOf(Arbitraries.of("null", "true", "false"), NUMBERS,
				HostileText.strings().map(HostileJson::quoted));
		if (depth > 3) {
			return scalar;
		}
		return Arbitraries.frequencyOf(Tuple.of(4, scalar), Tuple.of(1, anyObject(depth)),
				Tuple.of(1,
						Arbitraries.lazy(() -> anyValue(depth + 1))
							.list()
							.ofMaxSize(3)
							.map((v) -> "[" + String.join(",", v) + "]")));
	}

	private static Arbitrary<String> anyObject(int depth) {
		return Combinators
			.combine(HostileText.strings().map(HostileJson::quoted), Arbitraries.lazy(() -> anyValue(depth + 1)))
			.as((name, value) -> name + ":" + value)
			.list()
			.ofMaxSize(3)
			.map((members) -> "{" + String.join(",", members) + "}");
	}

	private static Arbitrary<String> deeplyNested() {
		return Arbitraries.of("[", "{\"a\":").map((open) -> {
			String close = open.equals("[") ? "]" : "}";
			return open.repeat(DEEP) + "1" + close.repeat(DEEP);
		});
	}

	/** A body of the documented shape with bytes that no UTF-8 decoder accepts in it. */
	private static Arbitrary<byte[]> withBytesThatAreNotUtf8(JsonShape shape) {
		return Combinators.combine(value(shape, 0), NOT_UTF8).as((json, bytes) -> {
			int quote = json.indexOf('"');
			int at = (quote >= 0) ? quote + 1 : 0;
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			body.writeBytes(json.substring(0, at).getBytes(StandardCharsets.UTF_8));
			body.writeBytes(bytes);
			body.writeBytes(json.substring(at).getBytes(StandardCharsets.UTF_8));
			return body.toByteArray();
		});
	}

	private static String member(String name, String value) {
		return quoted(name) + ":" + value;
	}

	/**
	 * A JSON string. Control characters and surrogates are written as escapes, so that a
	 * lone surrogate reaches the server as the JSON says it, not as the {@code ?} that
	 * encoding it in UTF-8 would make of it.
	 */
	private static String quoted(String text) {
		StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"' || c == '\\') {
				quoted.append('\\').append(c);
			}
			else if (c < 0x20 || Character.isSurrogate(c)) {
				quoted.append(String.format("\\u%04x", (int) c));
			}
			else {
				quoted.append(c);
			}
		}
		return quoted.append('"').toString();
	}

}
