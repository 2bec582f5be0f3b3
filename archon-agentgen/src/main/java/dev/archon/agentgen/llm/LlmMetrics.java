package dev.archon.agentgen.llm;

import java.math.BigDecimal;
import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

/**
 * The pool's meters: every call counted by provider, model and outcome.
 */
class LlmMetrics {

	private final MeterRegistry registry;

	LlmMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void recordSuccess(String provider, String model, Duration latency, @Nullable Duration firstToken, long input,
			long output, BigDecimal cost) {
		requests(provider, model, "success");
		latency(provider, model, "success", latency);
		if (firstToken != null && !firstToken.isZero()) {
			Timer.builder("archon.llm.first.token")
				.description("Time to the first streamed token")
				.tags("provider", provider, "model", model)
				.register(this.registry)
				.record(firstToken);
		}
		tokens(provider, model, "input", input);
		tokens(provider, model, "output", output);
		Counter.builder("archon.llm.cost")
			.description("What LLM calls cost")
			.baseUnit("usd")
			.tags("provider", provider, "model", model)
			.register(this.registry)
			.increment(cost.doubleValue());
	}

	void recordFailure(String provider, String model, String reason, Duration latency) {
		requests(provider, model, reason);
		latency(provider, model, "failure", latency);
	}

	void recordFailover(String from, String to, String reason) {
		Counter.builder("archon.llm.failovers")
			.description("Calls moved from one provider to the next")
			.tags("from", from, "to", to, "reason", reason)
			.register(this.registry)
			.increment();
	}

	private void requests(String provider, String model, String outcome) {
		Counter.builder("archon.llm.requests")
			.description("LLM calls, by outcome")
			.tags("provider", provider, "model", model, "outcome", outcome)
			.register(this.registry)
			.increment();
	}

	private void latency(String provider, String model, String outcome, Duration latency) {
		Timer.builder("archon.llm.latency")
			.description("How long LLM calls take")
			.tags("provider", provider, "model", model, "outcome", outcome)
			.register(this.registry)
			.record(latency);
	}

	private void tokens(String provider, String model, String direction, long count) {
		Counter.builder("archon.llm.tokens")
			.description("Tokens sent to and received from LLMs")
			.baseUnit("tokens")
			.tags("provider", provider, "model", model, "direction", direction)
			.register(this.registry)
			.increment(count);
	}

}
