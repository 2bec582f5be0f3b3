package dev.archon.agentgen.llm;

/**
 * A rough token count, for answers that come without usage.
 */
final class Tokens {

	private Tokens() {
	}

	static long estimate(String text) {
		// About four characters a token in English prose and code.
		return (text.length() + 3) / 4;
	}

}
