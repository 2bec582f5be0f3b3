package dev.archon.agentgen.gateway;

import java.util.List;
import java.util.function.Consumer;

import dev.archon.agentgen.llm.Conversation;
import dev.archon.agentgen.llm.LlmAnswer;
import dev.archon.agentgen.llm.ProviderPool;
import dev.archon.api.wire.gateway.ChatCompletionMessage;
import dev.archon.api.wire.gateway.ChatCompletionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequestParameters;

import org.springframework.stereotype.Service;

/**
 * Answers an OpenAI chat completion through the pool and counts what it used against the
 * caller's key.
 */
@Service
public class ChatCompletions {

	private final ProviderPool pool;

	private final GatewayModels models;

	private final UsageLedger usage;

	ChatCompletions(ProviderPool pool, GatewayModels models, UsageLedger usage) {
		this.pool = pool;
		this.models = models;
		this.usage = usage;
	}

	/**
	 * Answers a completion.
	 * @param request the request
	 * @param keyLabel the label of the caller's API key
	 * @param tokens told of each piece of the answer as it arrives
	 * @return the answer
	 * @throws ModelNotFound when the request names no model of the gateway
	 * @throws dev.archon.agentgen.llm.CallRejected when a provider refused the request
	 * itself
	 * @throws dev.archon.agentgen.llm.StreamInterrupted when the answer broke off after
	 * its first tokens
	 * @throws dev.archon.agentgen.llm.NoProviderAvailable when no provider could answer
	 */
	public LlmAnswer complete(ChatCompletionRequest request, String keyLabel, Consumer<String> tokens) {
		GatewayModels.Route route = this.models.route(request.model());
		Conversation conversation = new Conversation(messages(request.messages()), parameters(request), route.role(),
				route.provider());
		// The pool counts each failover in its metrics and logs it; the client sees the
		// answer of whichever provider gave it.
		LlmAnswer answer = this.pool.converse(conversation, tokens, (failover) -> {
		});
		this.usage.record(keyLabel, answer);
		return answer;
	}

	private static List<ChatMessage> messages(List<ChatCompletionMessage> messages) {
		return messages.stream().map(ChatCompletions::message).toList();
	}

	private static ChatMessage message(ChatCompletionMessage message) {
		return switch (message.role()) {
			case "system", "developer" -> SystemMessage.from(message.content());
			case "assistant" -> AiMessage.from(message.content());
			default -> UserMessage.from(message.content());
		};
	}

	private static ChatRequestParameters parameters(ChatCompletionRequest request) {
		return ChatRequestParameters.builder()
			.temperature(request.temperature())
			.topP(request.topP())
			.maxOutputTokens(request.answerLimit())
			.stopSequences(request.stop())
			.build();
	}

}
