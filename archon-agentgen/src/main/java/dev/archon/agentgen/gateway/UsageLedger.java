package dev.archon.agentgen.gateway;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.archon.agentgen.llm.LlmAnswer;
import dev.archon.api.wire.gateway.LlmUsage;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts what the gateway's calls use, per minute, API key, provider and model, in
 * memory, and adds the counts to PostgreSQL every few seconds. Per minute rather than per
 * request: a request's path never waits for the database, the table grows with keys and
 * providers rather than with traffic, and a usage report wants totals, not rows.
 * Instances add their counts to the same rows, so the totals are the cluster's.
 */
@Component
public class UsageLedger {

	private static final Logger logger = LoggerFactory.getLogger(UsageLedger.class);

	private final Map<UsageMinute, UsageCount> pending = new ConcurrentHashMap<>();

	private final LlmUsages usages;

	UsageLedger(LlmUsages usages) {
		this.usages = usages;
	}

	void record(String keyLabel, LlmAnswer answer) {
		UsageMinute minute = new UsageMinute(Instant.now().truncatedTo(ChronoUnit.MINUTES), keyLabel, answer.provider(),
				answer.model());
		this.pending.merge(minute, new UsageCount(1, answer.inputTokens(), answer.outputTokens(), answer.cost()),
				UsageCount::plus);
	}

	/**
	 * Adds the counts gathered since the last flush to the database. A count is taken out
	 * of memory atomically, so one recorded meanwhile waits for the next flush; counts
	 * that cannot be written go back, to be tried again.
	 */
	@Scheduled(fixedDelayString = "${archon.agentgen.gateway.usage-flush-interval:5s}")
	@PreDestroy
	public void flush() {
		List<UsageMinute> minutes = new ArrayList<>(this.pending.keySet());
		Map<UsageMinute, UsageCount> taken = new LinkedHashMap<>();
		for (UsageMinute minute : minutes) {
			UsageCount count = this.pending.remove(minute);
			if (count != null) {
				taken.put(minute, count);
			}
		}
		if (taken.isEmpty()) {
			return;
		}
		try {
			this.usages.add(taken);
		}
		catch (DataAccessException ex) {
			logger.warn("Could not store LLM usage, will try again: {}", ex.getMessage());
			taken.forEach((minute, count) -> this.pending.merge(minute, count, UsageCount::plus));
		}
	}

	/**
	 * What was used between two instants, this instance's latest counts included. Usage
	 * is kept per minute, so the minutes of both ends are counted whole.
	 * @param from the start, rounded down to its minute
	 * @param to the end, rounded up to a minute
	 * @return the totals
	 */
	public LlmUsage report(Instant from, Instant to) {
		flush();
		Instant start = from.truncatedTo(ChronoUnit.MINUTES);
		Instant end = to.truncatedTo(ChronoUnit.MINUTES);
		if (end.isBefore(to)) {
			end = end.plus(1, ChronoUnit.MINUTES);
		}
		return new LlmUsage(start, end, this.usages.byKey(start, end), this.usages.byProvider(start, end));
	}

	/**
	 * One minute of one key's calls to one provider's model.
	 *
	 * @param minute the minute's start
	 * @param keyLabel the key's label
	 * @param provider the provider
	 * @param model the model
	 */
	record UsageMinute(Instant minute, String keyLabel, String provider, String model) {

	}

	/**
	 * What calls used.
	 *
	 * @param requests completed calls
	 * @param inputTokens tokens sent
	 * @param outputTokens tokens received
	 * @param cost US dollars
	 */
	record UsageCount(long requests, long inputTokens, long outputTokens, BigDecimal cost) {

		UsageCount plus(UsageCount other) {
			return new UsageCount(this.requests + other.requests, this.inputTokens + other.inputTokens,
					this.outputTokens + other.outputTokens, this.cost.add(other.cost));
		}

	}

}
