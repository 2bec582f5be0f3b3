package dev.archon.api.wire.gateway;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What the gateway's calls used between two instants: {@code GET /api/v1/llm/usage}.
 *
 * @param from the start, inclusive: the asked start rounded down to its minute
 * @param to the end, exclusive: the asked end rounded up to a minute
 * @param byKey totals per API key, each named by a label derived from the key, never by
 * the key
 * @param byProvider totals per provider and model
 */
public record LlmUsage(Instant from, Instant to, List<Total> byKey, List<Total> byProvider) {

	/**
	 * The totals of one key, or of one provider's model.
	 *
	 * @param name the key's label, or the provider's name
	 * @param model the model, for a provider's total; {@code *} for a key's
	 * @param requests completed calls
	 * @param inputTokens tokens of the conversations sent
	 * @param outputTokens tokens of the answers
	 * @param cost what they cost, in US dollars
	 */
	public record Total(String name, String model, long requests, long inputTokens, long outputTokens,
			BigDecimal cost) {

	}

}
