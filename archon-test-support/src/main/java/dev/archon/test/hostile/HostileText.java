package dev.archon.test.hostile;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;
import net.jqwik.api.arbitraries.StringArbitrary;

/**
 * Text that servers mishandle: control characters and NUL, lone surrogates, marks that
 * turn text around or hide it, characters outside the basic plane, strings far longer
 * than any field allows, numbers too large for any type, and the shapes of injection
 * attempts. Every string is a Java string; bytes that are not UTF-8 at all come from
 * {@link HostileJson} and {@link HostileSegments}.
 */
public final class HostileText {

	/** The longest string generated: above every field's limit, below the body limit. */
	private static final int OVERLONG = 70_000;

	private static final String AWKWARD_CHARACTERS = "\u0000\u0001\u0007\b\t\n\u000b\f\r\u001b\u007f\u0085\u00a0"
			+ "\u200b\u200d\u200e\u200f\u202a\u202e\u2066\u2069\u2028\u2029\ufeff\ufffd\ufffe\uffff\ud800\udfff"
			+ "\"\\'`<>&%;/.{}$#*?";

	private static final Arbitrary<String> SPECIAL = Arbitraries.of("", " ", "\u0000", "null", "true", "0", "-0", "-1",
			"NaN", "Infinity", "1e400", "99999999999999999999999999999999", "-9223372036854775809",
			"00000000-0000-0000-0000-000000000000", "..", "../../../etc/passwd", "%00", "%", "%zz", "\ud83d", "\ude00",
			"\ud83d\ude00\u200d\ud83d\udd25", "\u202egnp.exe", "'; DROP TABLE site_pages; --", "${jndi:x}", "#{1+1}",
			"{{7*7}}", "%s%n%x", "<script>alert(1)</script>", "file:///etc/passwd",
			"http://169.254.169.254/latest/meta-data/", "http://[::ffff:127.0.0.1]/", "javascript:alert(1)",
			"\\\\server\\share");

	private HostileText() {
	}

	/**
	 * Any hostile string.
	 * @return the strings
	 */
	public static Arbitrary<String> strings() {
		return Arbitraries.frequencyOf(Tuple.of(3, SPECIAL), Tuple.of(4, awkward()), Tuple.of(2, anyCharacters()),
				Tuple.of(1, overlong()));
	}

	/** Short strings made mostly of characters that need care. */
	private static StringArbitrary awkward() {
		return Arbitraries.strings().withChars(AWKWARD_CHARACTERS).withCharRange('a', 'z').ofMaxLength(40);
	}

	/** Any UTF-16 code units, surrogates included. */
	private static Arbitrary<String> anyCharacters() {
		return Arbitraries.strings().all().ofMaxLength(60);
	}

	/**
	 * Just past the limits our fields have (200, 2,000, 8,000 characters), and far past.
	 */
	private static Arbitrary<String> overlong() {
		return Arbitraries.of(201, 2_001, 8_001, OVERLONG)
			.flatMap((length) -> awkward().ofMinLength(1).map((unit) -> repeat(unit, length)));
	}

	private static String repeat(String unit, int length) {
		StringBuilder text = new StringBuilder(length + unit.length());
		while (text.length() < length) {
			text.append(unit);
		}
		return text.substring(0, length);
	}

}
