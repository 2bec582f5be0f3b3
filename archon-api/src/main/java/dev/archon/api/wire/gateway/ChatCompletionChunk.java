package dev.archon.api.wire.gateway;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One server-sent event of a streamed answer, as OpenAI sends it: the first carries the
 * role, the next ones pieces of text, the last of the choice its finish reason; with
 * {@code include_usage}, every chunk has a {@code usage} member, {@code null} but in a
 * last chunk with no choices.
 *
 * @param id the completion's id, the same in every chunk
 * @param object always {@code chat.completion.chunk}
 * @param created when the answer started, in seconds since the epoch
 * @param model the model that answers
 * @param choices the choice this chunk continues, none in the usage chunk
 * @param usage the tokens used, in the usage chunk
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record ChatCompletionChunk(String id, String object, long created, String model, List<Choice> choices,
		@JsonInclude(JsonInclude.Include.ALWAYS) @Nullable TokenUsage usage) {

	/**
	 * A chunk of the choice.
	 * @param id the completion's id
	 * @param created when the answer started
	 * @param model the model that answers
	 * @param delta what it adds
	 * @param finishReason why the answer ended, in its last chunk
	 * @return the chunk
	 */
	public static ChatCompletionChunk of(String id, long created, String model, Delta delta,
			@Nullable String finishReason) {
		return new ChatCompletionChunk(id, "chat.completion.chunk", created, model,
				List.of(new Choice(0, delta, finishReason)), null);
	}

	/**
	 * The chunk that carries the usage, after the last choice chunk.
	 * @param id the completion's id
	 * @param created when the answer started
	 * @param model the model that answered
	 * @param usage the tokens used
	 * @return the chunk
	 */
	public static ChatCompletionChunk usage(String id, long created, String model, TokenUsage usage) {
		return new ChatCompletionChunk(id, "chat.completion.chunk", created, model, List.of(), usage);
	}

	/**
	 * What a chunk adds to the one choice.
	 *
	 * @param index always 0
	 * @param delta the role or the text it adds
	 * @param finishReason why the answer ended, {@code null} until it has
	 */
	public record Choice(int index, Delta delta,
			@JsonProperty("finish_reason") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String finishReason) {

	}

	/**
	 * The role, in the first chunk, or a piece of the text.
	 *
	 * @param role {@code assistant} in the first chunk
	 * @param content a piece of the text
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Delta(@Nullable String role, @Nullable String content) {

		public static final Delta NONE = new Delta(null, null);

	}

}
