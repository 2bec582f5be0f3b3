package dev.archon.agentgen.gateway;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.archon.agentgen.gateway.UsageLedger.UsageCount;
import dev.archon.agentgen.gateway.UsageLedger.UsageMinute;
import dev.archon.api.wire.gateway.LlmUsage;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The gateway's usage, per minute, in {@code llm_usage}. Both reports scan the minutes
 * asked for by the primary key, which starts with the minute.
 */
@Repository
class LlmUsages {

	private static final String ADD = """
			INSERT INTO llm_usage (minute, key_label, provider, model, requests, input_tokens, output_tokens, cost)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (minute, key_label, provider, model) DO UPDATE SET
				requests = llm_usage.requests + excluded.requests,
				input_tokens = llm_usage.input_tokens + excluded.input_tokens,
				output_tokens = llm_usage.output_tokens + excluded.output_tokens,
				cost = llm_usage.cost + excluded.cost
			""";

	private final JdbcTemplate jdbcTemplate;

	private final JdbcClient jdbcClient;

	LlmUsages(JdbcTemplate jdbcTemplate, JdbcClient jdbcClient) {
		this.jdbcTemplate = jdbcTemplate;
		this.jdbcClient = jdbcClient;
	}

	/**
	 * Adds counts to their minutes, in one batch.
	 * @param counts the counts
	 */
	void add(Map<UsageMinute, UsageCount> counts) {
		List<Object[]> rows = new ArrayList<>(counts.size());
		counts.forEach((minute, count) -> rows
			.add(new Object[] { Timestamp.from(minute.minute()), minute.keyLabel(), minute.provider(), minute.model(),
					count.requests(), count.inputTokens(), count.outputTokens(), count.cost() }));
		this.jdbcTemplate.batchUpdate(ADD, rows);
	}

	List<LlmUsage.Total> byKey(Instant from, Instant to) {
		return this.jdbcClient.sql("""
				SELECT key_label AS name, '*' AS model, sum(requests) AS requests, sum(input_tokens) AS input_tokens,
					sum(output_tokens) AS output_tokens, sum(cost) AS cost
				FROM llm_usage WHERE minute >= ? AND minute < ?
				GROUP BY key_label ORDER BY key_label
				""").params(Timestamp.from(from), Timestamp.from(to)).query(LlmUsage.Total.class).list();
	}

	List<LlmUsage.Total> byProvider(Instant from, Instant to) {
		return this.jdbcClient.sql("""
				SELECT provider AS name, model, sum(requests) AS requests, sum(input_tokens) AS input_tokens,
					sum(output_tokens) AS output_tokens, sum(cost) AS cost
				FROM llm_usage WHERE minute >= ? AND minute < ?
				GROUP BY provider, model ORDER BY provider, model
				""").params(Timestamp.from(from), Timestamp.from(to)).query(LlmUsage.Total.class).list();
	}

}
