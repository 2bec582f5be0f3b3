package dev.archon.agentgen.llm;

import java.util.List;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import org.jspecify.annotations.Nullable;

/**
 * A conversation a client sends through the pool as it is, rather than a pipeline step's
 * prompt: the OpenAI-compatible gateway's calls. The built-in template provider cannot
 * answer it, so it is never asked.
 *
 * @param messages the conversation so far, system messages included
 * @param parameters what the client chose of sampling and length; the model is the pool's
 * to choose, by {@code role}
 * @param role which of each provider's models answers
 * @param provider the only provider to ask, when the client named that provider's own
 * model rather than an alias of the pool; {@code null} for the whole pool
 */
public record Conversation(List<ChatMessage> messages, ChatRequestParameters parameters, ModelRole role,
		@Nullable String provider) {

}
