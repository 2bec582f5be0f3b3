package dev.archon.api.wire.gateway;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A chat completion: {@code POST /v1/chat/completions}. Members this gateway does not act
 * on are ignored rather than refused, unlike Archon's own bodies: OpenAI adds members to
 * this request every few months and its clients send them ({@code user}, {@code store},
 * {@code metadata}…), so refusing them would refuse those clients.
 *
 * @param model {@code archon-primary}, {@code archon-reasoner}, or a provider's own model
 * from {@code GET /v1/models}
 * @param messages the conversation, 1 to 1,000 messages
 * @param stream whether to stream the answer as server-sent events
 * @param streamOptions options of a streamed answer
 * @param temperature sampling temperature, 0 to 2
 * @param topP nucleus sampling, 0 to 1
 * @param maxTokens the longest answer, in tokens (OpenAI's older name)
 * @param maxCompletionTokens the longest answer, in tokens
 * @param stop up to 4 sequences that end the answer, one string or a list
 * @param n how many answers: only 1
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatCompletionRequest(@NotBlank @Size(max = 200) String model,
		@NotEmpty @Size(max = 1000) List<@NotNull @Valid ChatCompletionMessage> messages, @Nullable Boolean stream,
		@JsonProperty("stream_options") @Nullable StreamOptions streamOptions,
		@Nullable @DecimalMin("0") @DecimalMax("2") Double temperature,
		@JsonProperty("top_p") @Nullable @DecimalMin("0") @DecimalMax("1") Double topP,
		@JsonProperty("max_tokens") @Nullable @Min(1) Integer maxTokens,
		@JsonProperty("max_completion_tokens") @Nullable @Min(1) Integer maxCompletionTokens,
		@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) @Nullable @Size(
				max = 4) List<@NotEmpty String> stop,
		@Nullable @Min(1) @Max(1) Integer n) {

	public boolean streamed() {
		return Boolean.TRUE.equals(this.stream);
	}

	public boolean usageStreamed() {
		return this.streamOptions != null && Boolean.TRUE.equals(this.streamOptions.includeUsage());
	}

	/**
	 * The longest answer the client asked for, by either name.
	 * @return tokens, or {@code null} for the provider's default
	 */
	public @Nullable Integer answerLimit() {
		return (this.maxCompletionTokens != null) ? this.maxCompletionTokens : this.maxTokens;
	}

	/**
	 * Options of a streamed answer.
	 *
	 * @param includeUsage whether a last chunk, with no choices, carries the usage
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record StreamOptions(@JsonProperty("include_usage") @Nullable Boolean includeUsage) {

	}

}
