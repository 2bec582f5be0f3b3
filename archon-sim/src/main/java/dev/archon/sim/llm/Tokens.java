package dev.archon.sim.llm;

import java.util.ArrayList;
import java.util.List;

/**
 * The simulator's tokenizer: about four characters per token, like English text in the
 * real models' tokenizers, which is close enough for usage, cost and per-token latency.
 */
public final class Tokens {

	private static final int CHARS_PER_TOKEN = 4;

	private Tokens() {
	}

	/**
	 * Estimates the tokens of a text.
	 * @param text the text
	 * @return {@code ceil(length / 4)}
	 */
	public static int count(String text) {
		return (text.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
	}

	/**
	 * The longest prefix of a text that fits in a token budget.
	 * @param text the text
	 * @param tokens the budget
	 * @return the prefix
	 */
	static String truncate(String text, int tokens) {
		long chars = (long) tokens * CHARS_PER_TOKEN;
		return (chars >= text.length()) ? text : text.substring(0, (int) chars);
	}

	/**
	 * Splits a text into the pieces a stream sends, one word with the whitespace before
	 * it each, so that concatenating the pieces gives the text back.
	 * @param text the text
	 * @return its pieces
	 */
	public static List<String> pieces(String text) {
		List<String> pieces = new ArrayList<>(text.length() / 5 + 1);
		int start = 0;
		int i = 0;
		int length = text.length();
		while (i < length) {
			while (i < length && Character.isWhitespace(text.charAt(i))) {
				i++;
			}
			while (i < length && !Character.isWhitespace(text.charAt(i))) {
				i++;
			}
			pieces.add(text.substring(start, i));
			start = i;
		}
		return pieces;
	}

}
