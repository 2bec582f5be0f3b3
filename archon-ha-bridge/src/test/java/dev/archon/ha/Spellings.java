package dev.archon.ha;

import java.util.List;
import java.util.Locale;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * The ways a caller may spell a name that Home Assistant reads as the same one: any case
 * and surrounding whitespace, and in a URL, any of its characters percent-encoded.
 */
public final class Spellings {

	/** The services no configuration of the bridge's tests lets through. */
	public static final List<String> REFUSED_SERVICES = List.of("homeassistant.stop", "homeassistant.restart",
			"hassio.host_reboot", "shell_command.wipe", "script.stop_everything");

	private Spellings() {
	}

	/**
	 * A name in any case, with whitespace around it.
	 * @param name the name
	 * @return its spellings
	 */
	public static Arbitrary<String> of(String name) {
		Arbitrary<String> padding = Arbitraries.strings().withChars(" \t\r\n").ofMaxLength(3);
		return Combinators.combine(padding, anyCase(name), padding)
			.as((before, cased, after) -> before + cased + after);
	}

	/**
	 * A name in any case, some of its characters percent-encoded, as a path segment may
	 * carry it.
	 * @param name the name
	 * @return its spellings in a URL
	 */
	public static Arbitrary<String> encoded(String name) {
		return anyCase(name).flatMap((cased) -> Arbitraries.of(true, false)
			.list()
			.ofSize(cased.length())
			.map((encode) -> percentEncode(cased, encode)));
	}

	private static Arbitrary<String> anyCase(String name) {
		return Arbitraries.of(true, false).list().ofSize(name.length()).map((upper) -> {
			StringBuilder spelled = new StringBuilder(name.length());
			for (int i = 0; i < name.length(); i++) {
				char c = name.charAt(i);
				spelled.append(upper.get(i) ? Character.toUpperCase(c) : c);
			}
			return spelled.toString();
		});
	}

	private static String percentEncode(String text, List<Boolean> encode) {
		StringBuilder encoded = new StringBuilder(text.length() * 3);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			encoded.append(encode.get(i) ? String.format(Locale.ROOT, "%%%02X", (int) c) : String.valueOf(c));
		}
		return encoded.toString();
	}

}
