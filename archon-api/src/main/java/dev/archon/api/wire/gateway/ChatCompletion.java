package dev.archon.api.wire.gateway;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A whole answer to a chat completion.
 *
 * @param id the completion's id, {@code chatcmpl-…}
 * @param object always {@code chat.completion}
 * @param created when it was answered, in seconds since the epoch
 * @param model the model that answered
 * @param choices the one answer
 * @param usage the tokens it used
 * @param provider the pool's provider that answered: Archon's addition, which OpenAI
 * clients ignore
 */
public record ChatCompletion(String id, String object, long created, String model, List<Choice> choices,
		TokenUsage usage, @JsonProperty("archon_provider") String provider) {

	public static ChatCompletion of(String id, long created, String model, String text, TokenUsage usage,
			String provider) {
		return new ChatCompletion(id, "chat.completion", created, model,
				List.of(new Choice(0, new ChatCompletionMessage("assistant", text), "stop")), usage, provider);
	}

	/**
	 * One answer.
	 *
	 * @param index its position, always 0
	 * @param message the assistant's message
	 * @param finishReason why it ended
	 */
	public record Choice(int index, ChatCompletionMessage message, @JsonProperty("finish_reason") String finishReason) {

	}

}
