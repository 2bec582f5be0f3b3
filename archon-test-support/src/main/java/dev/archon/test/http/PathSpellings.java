package dev.archon.test.http;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Spells one path every way that a server may decode, normalise or fold into the same
 * route: percent-encoded and double-encoded letters, other case, doubled slashes,
 * {@code ;} parameters, dot segments, encoded dots and slashes, trailing dots and
 * slashes. None of them may reach a protected route without a key.
 */
public final class PathSpellings {

	private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{[^}]+}");

	private PathSpellings() {
	}

	/**
	 * Turns an OpenAPI path such as {@code /api/v1/agents/{id}} into one a server routes,
	 * with every variable filled in.
	 * @param template the path template
	 * @param value what each variable becomes
	 * @return the concrete path
	 */
	public static String fill(String template, String value) {
		return TEMPLATE_VARIABLE.matcher(template).replaceAll(value);
	}

	/**
	 * The spellings of a path, the path itself first.
	 * @param path a concrete path of at least two segments, such as
	 * {@code /api/v1/ha/states}
	 * @return the path and its other spellings, each once
	 */
	public static List<String> of(String path) {
		String rest = path.substring(1);
		int slash = rest.indexOf('/');
		String first = (slash >= 0) ? rest.substring(0, slash) : rest;
		String tail = (slash >= 0) ? rest.substring(slash) : "";
		Set<String> spellings = new LinkedHashSet<>();
		spellings.add(path);
		spellings.add("/" + encodeFirstLetter(first) + tail);
		spellings.add("/%25" + hex(first.charAt(0)) + first.substring(1) + tail);
		spellings.add("/" + first.toUpperCase(Locale.ROOT) + tail);
		spellings.add("/" + path);
		spellings.add("/" + first + ";x" + tail);
		spellings.add("/./" + rest);
		spellings.add("/x/../" + rest);
		spellings.add("/" + first + "/%2e%2e" + path);
		spellings.add("/" + first + "/%2E%2E/" + rest);
		spellings.add("/" + first + "%2F" + tail.substring(Math.min(1, tail.length())));
		spellings.add(path + "/");
		spellings.add(path + ".");
		spellings.add(path + "/.");
		spellings.add(path + "%2e");
		spellings.add(path + ";x");
		spellings.add(path.replace("/", "//"));
		spellings.add(path.replace("/", "\\"));
		List<String> segments = List.of(rest.split("/"));
		for (int i = 0; i < segments.size(); i++) {
			List<String> changed = new ArrayList<>(segments);
			changed.set(i, mixedCase(segments.get(i)));
			spellings.add("/" + String.join("/", changed));
			changed.set(i, segments.get(i) + ";x");
			spellings.add("/" + String.join("/", changed));
			changed.set(i, encodeFirstLetter(segments.get(i)));
			spellings.add("/" + String.join("/", changed));
		}
		return List.copyOf(spellings);
	}

	private static String encodeFirstLetter(String segment) {
		for (int i = 0; i < segment.length(); i++) {
			if (Character.isLetter(segment.charAt(i))) {
				return segment.substring(0, i) + "%" + hex(segment.charAt(i)) + segment.substring(i + 1);
			}
		}
		return segment;
	}

	private static String mixedCase(String segment) {
		StringBuilder mixed = new StringBuilder(segment.length());
		for (int i = 0; i < segment.length(); i++) {
			char c = segment.charAt(i);
			mixed.append((i % 2 == 0) ? Character.toUpperCase(c) : c);
		}
		String result = mixed.toString();
		// A segment with no letter to change (such as "v1" made "V1") still differs.
		return result.equals(segment) ? segment.toUpperCase(Locale.ROOT) : result;
	}

	private static String hex(char c) {
		return String.format("%02X", (int) c);
	}

}
