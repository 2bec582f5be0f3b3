package dev.archon.sim.llm;

import org.jspecify.annotations.Nullable;

/**
 * The simulated model's answer to one request.
 *
 * @param step the pipeline step the prompt named
 * @param text the answer, empty when the model calls a tool
 * @param promptTokens the request's estimated tokens
 * @param completionTokens the answer's estimated tokens
 * @param truncated whether the answer was cut to the request's token limit, which the
 * protocols report as {@code length} or {@code max_tokens}
 * @param toolCall the tool the model calls before it answers, {@code null} when it
 * answers
 */
public record Completion(PipelineStep step, String text, int promptTokens, int completionTokens, boolean truncated,
		@Nullable ToolCall toolCall) {

}
