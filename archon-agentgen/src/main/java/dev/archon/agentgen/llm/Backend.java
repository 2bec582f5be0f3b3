package dev.archon.agentgen.llm;

import java.time.Duration;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * What answers a call for one provider: a langchain4j model, or the templates.
 */
interface Backend {

	/**
	 * Answers one call.
	 * @param call the call
	 * @param model the model to ask
	 * @param firstTokenTimeout how long to wait for the first token
	 * @param timeout how long the whole call may take
	 * @return the answer
	 * @throws ProviderFailure when the provider fails, classified
	 */
	Reply answer(LlmCall call, String model, Duration firstTokenTimeout, Duration timeout);

	/**
	 * Answers a client's conversation, handing on each piece of text as it arrives.
	 * @param conversation the conversation
	 * @param model the model to ask
	 * @param firstTokenTimeout how long to wait for the first token
	 * @param timeout how long the whole call may take
	 * @param tokens told of each piece of the answer as it arrives
	 * @return the answer
	 * @throws ProviderFailure when the provider fails, classified
	 */
	Reply converse(Conversation conversation, String model, Duration firstTokenTimeout, Duration timeout,
			Consumer<String> tokens);

	/**
	 * An answer.
	 *
	 * @param text the answer's text
	 * @param inputTokens tokens of the prompt
	 * @param outputTokens tokens of the answer
	 * @param firstToken how long the first token took, when streamed
	 */
	record Reply(String text, long inputTokens, long outputTokens, @Nullable Duration firstToken) {

	}

}
