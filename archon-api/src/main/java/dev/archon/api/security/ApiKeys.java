package dev.archon.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The API keys that may call a service. Only their SHA-256 digests are kept in memory,
 * and a presented key is compared with each digest in constant time, so that neither a
 * heap dump nor response timings reveal a key.
 */
public final class ApiKeys {

	private static final String HASHED_PREFIX = "sha256:";

	private final List<byte[]> digests;

	private ApiKeys(List<byte[]> digests) {
		this.digests = digests;
	}

	/**
	 * Reads keys as configured: each a plain key, or {@code sha256:<hex>} for a key of
	 * which only the digest is known.
	 * @param configured the configured values; blank ones are ignored
	 * @return the keys
	 * @throws IllegalArgumentException if a hashed key is not 64 hexadecimal digits
	 */
	public static ApiKeys of(List<String> configured) {
		return new ApiKeys(configured.stream()
			.map(String::trim)
			.filter((value) -> !value.isEmpty())
			.map(ApiKeys::digestOf)
			.toList());
	}

	/**
	 * Whether any key is configured: a service with none refuses every API call.
	 * @return whether at least one key is configured
	 */
	public boolean isEmpty() {
		return this.digests.isEmpty();
	}

	/**
	 * Checks a presented key.
	 * @param presented the key a request carried, possibly {@code null}
	 * @return whether it is one of the configured keys
	 */
	public boolean accepts(@Nullable String presented) {
		if (presented == null || presented.isEmpty()) {
			return false;
		}
		byte[] digest = sha256(presented);
		boolean accepted = false;
		for (byte[] candidate : this.digests) {
			accepted |= MessageDigest.isEqual(candidate, digest);
		}
		return accepted;
	}

	/**
	 * A stable name for a key, for usage reports and logs that must tell callers apart
	 * without holding their keys: the first 48 bits of its SHA-256 digest, which no one
	 * can turn back into a key of API-key length.
	 * @param key the key
	 * @return {@code key-} and 12 hexadecimal digits
	 */
	public static String label(String key) {
		return "key-" + HexFormat.of().formatHex(sha256(key), 0, 6);
	}

	private static byte[] digestOf(String configured) {
		if (configured.regionMatches(true, 0, HASHED_PREFIX, 0, HASHED_PREFIX.length())) {
			String hex = configured.substring(HASHED_PREFIX.length()).toLowerCase(Locale.ROOT);
			if (!hex.matches("[0-9a-f]{64}")) {
				throw new IllegalArgumentException(
						"A hashed API key must be 'sha256:' followed by 64 hexadecimal digits");
			}
			return HexFormat.of().parseHex(hex);
		}
		return sha256(configured);
	}

	private static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
