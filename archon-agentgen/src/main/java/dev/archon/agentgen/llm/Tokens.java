package dev.archon.agentgen.llm;

/**
 * A rough token count, for answers that come without usage.
 */
final class Tokens {

	/** The answer a call is expected to get, in tokens, before its usage is known. */
	static final long EXPECTED_ANSWER = 1_000;

	private Tokens() {
	}

	/**
	 * What a call is expected to use, before it goes out: its prompt, and an answer of
	 * {@link #EXPECTED_ANSWER} tokens. The provider's usage replaces it afterwards.
	 * @param call the call
	 * @return tokens
	 */
	static long estimate(LlmCall call) {
		return estimate(call.system()) + estimate(call.user()) + EXPECTED_ANSWER;
	}

	static long estimate(String text) {
		// About four characters a token in English prose and code.
		return (text.length() + 3) / 4;
	}

}
