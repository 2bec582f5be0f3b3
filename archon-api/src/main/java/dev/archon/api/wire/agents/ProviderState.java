package dev.archon.api.wire.agents;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What the pool knows of one LLM provider.
 *
 * @param name its name
 * @param type {@code openai}, {@code anthropic} or {@code builtin}
 * @param priority lower is tried first
 * @param reasonerModel the model that writes scopes
 * @param primaryModel the model of every other step
 * @param circuit its circuit breaker's state ({@code CLOSED}, {@code OPEN},
 * {@code HALF_OPEN}…)
 * @param cooldownUntil until when it is out of the pool, if it is
 * @param cooldownReason why it is out of the pool
 * @param latencyP50Ms median latency of its recent calls
 * @param latencyP95Ms 95th percentile latency of its recent calls
 * @param requests calls made to it
 * @param failures calls that failed
 * @param inputTokens prompt tokens sent
 * @param outputTokens answer tokens received
 * @param cost what its calls cost, in US dollars
 * @param tokensAvailable what its tokens-per-minute budget has left now, {@code null}
 * when it has none
 */
public record ProviderState(String name, String type, int priority, String reasonerModel, String primaryModel,
		String circuit, @Nullable Instant cooldownUntil, @Nullable String cooldownReason, @Nullable Long latencyP50Ms,
		@Nullable Long latencyP95Ms, long requests, long failures, long inputTokens, long outputTokens, BigDecimal cost,
		@Nullable Long tokensAvailable) {

}
