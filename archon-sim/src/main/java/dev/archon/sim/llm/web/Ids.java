package dev.archon.sim.llm.web;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Identifiers in the providers' formats, such as {@code chatcmpl-…} and {@code msg_…}.
 */
final class Ids {

	private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
		.toCharArray();

	private Ids() {
	}

	static String next(String prefix) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		StringBuilder id = new StringBuilder(prefix.length() + 24).append(prefix);
		for (int i = 0; i < 24; i++) {
			id.append(ALPHABET[random.nextInt(ALPHABET.length)]);
		}
		return id.toString();
	}

}
