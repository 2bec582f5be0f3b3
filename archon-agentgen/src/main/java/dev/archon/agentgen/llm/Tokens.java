package dev.archon.agentgen.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;

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

	/**
	 * What a conversation is expected to use: its prompt, and the answer length it asks
	 * for or {@link #EXPECTED_ANSWER} tokens.
	 * @param conversation the conversation
	 * @return tokens
	 */
	static long estimate(Conversation conversation) {
		Integer maxAnswer = conversation.parameters().maxOutputTokens();
		return prompt(conversation) + ((maxAnswer != null) ? maxAnswer : EXPECTED_ANSWER);
	}

	static long prompt(Conversation conversation) {
		long tokens = 0;
		for (ChatMessage message : conversation.messages()) {
			tokens += estimate(textOf(message));
		}
		return tokens;
	}

	static long estimate(String text) {
		// About four characters a token in English prose and code.
		return (text.length() + 3) / 4;
	}

	private static String textOf(ChatMessage message) {
		return switch (message) {
			case SystemMessage system -> system.text();
			case UserMessage user -> user.hasSingleText() ? user.singleText() : "";
			case AiMessage ai -> (ai.text() != null) ? ai.text() : "";
			default -> "";
		};
	}

}
