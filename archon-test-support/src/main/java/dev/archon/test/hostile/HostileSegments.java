package dev.archon.test.hostile;

import java.nio.charset.StandardCharsets;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * Path segments, query values and header values as they travel in a request, already
 * encoded: dot segments, {@code ;} parameters, encoded slashes and NUL, percent-encodings
 * that are broken or decode to bytes that are not UTF-8, overlong UTF-8, numbers out of
 * every range, and {@link HostileText} percent-encoded.
 */
public final class HostileSegments {

	private static final Arbitrary<String> RAW = Arbitraries.of("", ".", "..", "...", ";", ";x=1", "%2e%2e", "%2E",
			"%2F", "..%2F..%2F", "%5C", "%00", "a%00b", "%0d%0a", "%", "%2", "%zz", "%FF", "%C0%AE", "%C0%80",
			"%ED%A0%80", "%F4%90%80%80", "%E2%80%AE", "%EF%BB%BF", "-1", "0", "1", "2147483648", "-2147483649",
			"9223372036854775808", "1e400", "1.5", "NaN", "true", "00000000-0000-0000-0000-000000000000",
			"ffffffff-ffff-ffff-ffff-ffffffffffff", "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
			"3F2504E0-4F89-11D3-9A0C-0305E82C330", "{id}", "*", "%2A", "+", "%20", "a+b", "x".repeat(5_000));

	private HostileSegments() {
	}

	/**
	 * Path segments and query values, percent-encoded or deliberately not.
	 * @return the encoded values
	 */
	public static Arbitrary<String> encoded() {
		return Arbitraries.frequencyOf(Tuple.of(3, RAW),
				Tuple.of(2, HostileText.strings().map(HostileSegments::encode)));
	}

	/**
	 * Header values: what a header line can carry without ending it, printable ASCII.
	 * @return the header values
	 */
	public static Arbitrary<String> headerValues() {
		return Arbitraries.frequencyOf(Tuple.of(2, RAW),
				Tuple.of(1, Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(300)));
	}

	/** Percent-encodes every byte but the unreserved ones of RFC 3986. */
	private static String encode(String text) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xff;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
				encoded.append((char) c);
			}
			else {
				encoded.append('%').append(String.format("%02X", c));
			}
		}
		return encoded.toString();
	}

}
