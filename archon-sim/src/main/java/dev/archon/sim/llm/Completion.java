package dev.archon.sim.llm;

/**
 * The simulated model's answer to one request.
 *
 * @param step the pipeline step the prompt named
 * @param text the answer
 * @param promptTokens the request's estimated tokens
 * @param completionTokens the answer's estimated tokens
 * @param truncated whether the answer was cut to the request's token limit, which the
 * protocols report as {@code length} or {@code max_tokens}
 */
public record Completion(PipelineStep step, String text, int promptTokens, int completionTokens, boolean truncated) {

}
