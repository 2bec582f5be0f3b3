package dev.archon.sim.ha;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Context ids as Home Assistant makes them: ULIDs, 48 bits of milliseconds and 80 random
 * bits in Crockford's base 32, so that they sort by creation time.
 */
public final class Ulid {

	private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

	private Ulid() {
	}

	public static String next() {
		return at(System.currentTimeMillis());
	}

	public static String at(long epochMillis) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return of(epochMillis, random.nextLong(), random.nextLong());
	}

	/**
	 * Builds a ULID from explicit random bits, for ids that must be reproducible.
	 * @param epochMillis the time part
	 * @param high supplies the upper 16 of the 80 random bits
	 * @param low supplies the lower 64 random bits
	 * @return the 26-character ULID
	 */
	public static String of(long epochMillis, long high, long low) {
		char[] out = new char[26];
		long time = epochMillis & 0xFFFF_FFFF_FFFFL;
		for (int i = 9; i >= 0; i--) {
			out[i] = ALPHABET[(int) (time & 31)];
			time >>>= 5;
		}
		// 80 random bits = 16 bits of high followed by 64 bits of low, 16 characters.
		long hi = high & 0xFFFF;
		long lo = low;
		for (int i = 25; i >= 10; i--) {
			out[i] = ALPHABET[(int) (lo & 31)];
			lo = (lo >>> 5) | ((hi & 31) << 59);
			hi >>>= 5;
		}
		return new String(out);
	}

}
