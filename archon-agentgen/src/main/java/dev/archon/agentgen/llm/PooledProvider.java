package dev.archon.agentgen.llm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import dev.archon.api.wire.agents.ProviderState;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import org.jspecify.annotations.Nullable;

/**
 * One provider in the pool, with its guards and its running totals.
 */
final class PooledProvider {

	private static final int LATENCY_SAMPLES = 128;

	private final LlmProperties.Provider settings;

	private final Backend backend;

	private final CircuitBreaker circuitBreaker;

	private final RateLimiter rateLimiter;

	private final Bulkhead bulkhead;

	private final TokenBudget tokenBudget;

	private final AtomicReference<Cooldown> cooldown = new AtomicReference<>();

	private final AtomicLong requests = new AtomicLong();

	private final AtomicLong failures = new AtomicLong();

	private final AtomicLong inputTokens = new AtomicLong();

	private final AtomicLong outputTokens = new AtomicLong();

	private final AtomicReference<BigDecimal> cost = new AtomicReference<>(BigDecimal.ZERO);

	private final long[] latencies = new long[LATENCY_SAMPLES];

	private int latencyCount;

	PooledProvider(LlmProperties.Provider settings, Backend backend, CircuitBreaker circuitBreaker,
			RateLimiter rateLimiter, Bulkhead bulkhead) {
		this.settings = settings;
		this.backend = backend;
		this.circuitBreaker = circuitBreaker;
		this.rateLimiter = rateLimiter;
		this.bulkhead = bulkhead;
		this.tokenBudget = new TokenBudget(builtin() ? 0 : settings.tpm());
	}

	String name() {
		return this.settings.name();
	}

	LlmProperties.Provider settings() {
		return this.settings;
	}

	Backend backend() {
		return this.backend;
	}

	boolean builtin() {
		return this.settings.type() == ProviderType.BUILTIN;
	}

	String model(ModelRole role) {
		if (builtin()) {
			return BuiltinBackend.MODEL;
		}
		return (role == ModelRole.REASONER) ? this.settings.models().reasoner() : this.settings.models().primary();
	}

	CircuitBreaker circuitBreaker() {
		return this.circuitBreaker;
	}

	RateLimiter rateLimiter() {
		return this.rateLimiter;
	}

	Bulkhead bulkhead() {
		return this.bulkhead;
	}

	TokenBudget tokenBudget() {
		return this.tokenBudget;
	}

	@Nullable Cooldown cooldown() {
		Cooldown current = this.cooldown.get();
		if (current != null && current.until().isBefore(Instant.now())) {
			this.cooldown.compareAndSet(current, null);
			return null;
		}
		return current;
	}

	void coolDown(Duration duration, String reason) {
		this.cooldown.set(new Cooldown(Instant.now().plus(duration), reason));
	}

	BigDecimal costOf(long input, long output) {
		BigDecimal million = BigDecimal.valueOf(1_000_000);
		return this.settings.inputPrice()
			.multiply(BigDecimal.valueOf(input))
			.add(this.settings.outputPrice().multiply(BigDecimal.valueOf(output)))
			.divide(million, 8, RoundingMode.HALF_UP);
	}

	void recordSuccess(Duration latency, long input, long output, BigDecimal callCost) {
		this.requests.incrementAndGet();
		this.inputTokens.addAndGet(input);
		this.outputTokens.addAndGet(output);
		this.cost.accumulateAndGet(callCost, BigDecimal::add);
		recordLatency(latency);
	}

	void recordFailure(Duration latency) {
		this.requests.incrementAndGet();
		this.failures.incrementAndGet();
		recordLatency(latency);
	}

	private synchronized void recordLatency(Duration latency) {
		this.latencies[this.latencyCount % LATENCY_SAMPLES] = latency.toMillis();
		this.latencyCount++;
	}

	ProviderState state() {
		long[] sorted;
		synchronized (this) {
			sorted = Arrays.copyOf(this.latencies, Math.min(this.latencyCount, LATENCY_SAMPLES));
		}
		Arrays.sort(sorted);
		Cooldown current = cooldown();
		return new ProviderState(name(), this.settings.type().name().toLowerCase(java.util.Locale.ROOT),
				this.settings.priority(), model(ModelRole.REASONER), model(ModelRole.PRIMARY),
				this.circuitBreaker.getState().name(), (current != null) ? current.until() : null,
				(current != null) ? current.reason() : null, percentile(sorted, 50), percentile(sorted, 95),
				this.requests.get(), this.failures.get(), this.inputTokens.get(), this.outputTokens.get(),
				this.cost.get(), this.tokenBudget.available());
	}

	private static @Nullable Long percentile(long[] sorted, int percentile) {
		if (sorted.length == 0) {
			return null;
		}
		int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
	}

	record Cooldown(Instant until, String reason) {

	}

}
