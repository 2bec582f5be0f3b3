package dev.archon.api.wire.gateway;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The tokens a completion used.
 *
 * @param promptTokens tokens of the conversation sent
 * @param completionTokens tokens of the answer
 * @param totalTokens both
 */
public record TokenUsage(@JsonProperty("prompt_tokens") long promptTokens,
		@JsonProperty("completion_tokens") long completionTokens, @JsonProperty("total_tokens") long totalTokens) {

	public static TokenUsage of(long promptTokens, long completionTokens) {
		return new TokenUsage(promptTokens, completionTokens, promptTokens + completionTokens);
	}

}
