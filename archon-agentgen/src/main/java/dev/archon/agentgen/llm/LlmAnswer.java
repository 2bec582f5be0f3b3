package dev.archon.agentgen.llm;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * A provider's answer to one call.
 *
 * @param text the whole answer
 * @param provider the provider that answered
 * @param model its model
 * @param inputTokens tokens of the prompt
 * @param outputTokens tokens of the answer
 * @param cost what the call cost, in US dollars
 * @param degraded whether the built-in template provider answered
 * @param llmTime the time spent inside provider calls, failed ones included
 */
public record LlmAnswer(String text, String provider, String model, long inputTokens, long outputTokens,
		BigDecimal cost, boolean degraded, Duration llmTime) {

}
