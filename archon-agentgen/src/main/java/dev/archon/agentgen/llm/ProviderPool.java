package dev.archon.agentgen.llm;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import dev.archon.api.wire.agents.ProviderState;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ordered providers, each behind its own circuit breaker, rate limiter (requests per
 * minute), token budget (tokens per minute) and bulkhead. A call goes to the first
 * healthy provider; a provider's failure moves it to the next one at once, by the rules
 * of {@link FailureKind}; the built-in template provider is last and never fails.
 */
public class ProviderPool {

	private static final Logger logger = LoggerFactory.getLogger(ProviderPool.class);

	private final List<PooledProvider> providers;

	private final LlmMetrics metrics;

	private final Duration longCooldown;

	private final Duration maxRetryAfter;

	private final Duration timeoutCooldown;

	ProviderPool(List<PooledProvider> providers, LlmMetrics metrics, Duration longCooldown, Duration maxRetryAfter,
			Duration timeoutCooldown) {
		this.providers = providers.stream()
			.sorted(Comparator.comparingInt((PooledProvider provider) -> provider.builtin() ? 1 : 0)
				.thenComparingInt((provider) -> provider.settings().priority()))
			.toList();
		this.metrics = metrics;
		this.longCooldown = longCooldown;
		this.maxRetryAfter = maxRetryAfter;
		this.timeoutCooldown = timeoutCooldown;
	}

	/**
	 * Each provider's state, in the order they are tried.
	 * @return the states
	 */
	public List<ProviderState> states() {
		return this.providers.stream().map(PooledProvider::state).toList();
	}

	/**
	 * Answers a call from the first provider that can.
	 * @param call the call
	 * @param failovers told of each move from one provider to the next
	 * @return the answer
	 * @throws CallRejected when a provider refuses the request itself
	 * @throws StreamInterrupted when a stream broke after producing tokens: the caller
	 * restarts its step
	 */
	public LlmAnswer chat(LlmCall call, Consumer<Failover> failovers) {
		return answer(order(call.providerHint()), call.role(), Tokens.estimate(call), failovers,
				(provider, model) -> provider.backend()
					.answer(call, model, provider.settings().firstTokenTimeout(), provider.settings().timeout()));
	}

	/**
	 * Answers a client's conversation from the first provider that can, by the same rules
	 * as {@link #chat}, without the built-in template provider, which cannot answer it.
	 * @param conversation the conversation
	 * @param tokens told of each piece of the answer as it arrives; once one has, the
	 * call no longer moves to another provider
	 * @param failovers told of each move from one provider to the next
	 * @return the answer
	 * @throws CallRejected when a provider refuses the request itself
	 * @throws StreamInterrupted when a stream broke after producing tokens
	 * @throws NoProviderAvailable when every provider failed or was out of the pool
	 */
	public LlmAnswer converse(Conversation conversation, Consumer<String> tokens, Consumer<Failover> failovers) {
		List<PooledProvider> order = order(null).stream()
			.filter((provider) -> !provider.builtin())
			.filter((provider) -> conversation.provider() == null || provider.name().equals(conversation.provider()))
			.toList();
		return answer(order, conversation.role(), Tokens.estimate(conversation), failovers,
				(provider, model) -> provider.backend()
					.converse(conversation, model, provider.settings().firstTokenTimeout(),
							provider.settings().timeout(), tokens));
	}

	private LlmAnswer answer(List<PooledProvider> order, ModelRole role, long estimate, Consumer<Failover> failovers,
			BiFunction<PooledProvider, String, Backend.Reply> ask) {
		long llmNanos = 0;
		@Nullable PendingFailover pending = null;
		int contextFloor = 0;
		for (PooledProvider provider : order) {
			if (pending != null) {
				announce(pending, provider, failovers);
				pending = null;
			}
			if (!provider.builtin()) {
				if (provider.settings().contextWindow() <= contextFloor) {
					pending = new PendingFailover(provider.name(), "context-length", "context window too small");
					continue;
				}
				PooledProvider.Cooldown cooldown = provider.cooldown();
				if (cooldown != null) {
					pending = new PendingFailover(provider.name(), "cooldown", cooldown.reason());
					continue;
				}
				if (!provider.circuitBreaker().tryAcquirePermission()) {
					pending = new PendingFailover(provider.name(), "circuit-open", "circuit breaker is open");
					continue;
				}
				if (!provider.tokenBudget().tryReserve(estimate)) {
					provider.circuitBreaker().releasePermission();
					pending = new PendingFailover(provider.name(), "tpm", "tokens per minute reached");
					continue;
				}
				if (!provider.rateLimiter().acquirePermission()) {
					provider.circuitBreaker().releasePermission();
					provider.tokenBudget().settle(estimate, 0);
					pending = new PendingFailover(provider.name(), "rate-limited", "requests per minute reached");
					continue;
				}
				if (!provider.bulkhead().tryAcquirePermission()) {
					provider.circuitBreaker().releasePermission();
					provider.tokenBudget().settle(estimate, 0);
					pending = new PendingFailover(provider.name(), "bulkhead-full", "too many calls in flight");
					continue;
				}
			}
			String model = provider.model(role);
			long start = System.nanoTime();
			try {
				Backend.Reply reply = ask.apply(provider, model);
				long took = System.nanoTime() - start;
				llmNanos += took;
				if (!provider.builtin()) {
					provider.circuitBreaker().onSuccess(took, TimeUnit.NANOSECONDS);
					provider.tokenBudget().settle(estimate, reply.inputTokens() + reply.outputTokens());
				}
				BigDecimal cost = provider.costOf(reply.inputTokens(), reply.outputTokens());
				provider.recordSuccess(Duration.ofNanos(took), reply.inputTokens(), reply.outputTokens(), cost);
				this.metrics.recordSuccess(provider.name(), model, Duration.ofNanos(took), reply.firstToken(),
						reply.inputTokens(), reply.outputTokens(), cost);
				return new LlmAnswer(reply.text(), provider.name(), model, reply.inputTokens(), reply.outputTokens(),
						cost, provider.builtin(), Duration.ofNanos(llmNanos));
			}
			catch (RuntimeException ex) {
				long took = System.nanoTime() - start;
				llmNanos += took;
				ProviderFailure failure = Failures.classify(ex, false);
				FailureKind kind = failure.kind();
				// A refused call used nothing; a stream that broke used about what was
				// expected.
				provider.tokenBudget().settle(estimate, (kind == FailureKind.MID_STREAM) ? estimate : 0);
				provider.recordFailure(Duration.ofNanos(took));
				this.metrics.recordFailure(provider.name(), model, kind.tag(), Duration.ofNanos(took));
				if (kind.providerFault()) {
					provider.circuitBreaker().onError(took, TimeUnit.NANOSECONDS, failure);
				}
				else {
					provider.circuitBreaker().onSuccess(took, TimeUnit.NANOSECONDS);
				}
				logger.warn("LLM provider {} failed ({}): {}", provider.name(), kind.tag(), failure.getMessage());
				if (kind == FailureKind.MID_STREAM) {
					throw new StreamInterrupted(provider.name(), failure.getMessage(), failure);
				}
				if (kind == FailureKind.CALLER_ERROR) {
					int status = Failures.status(failure);
					throw new CallRejected(provider.name(), status, failure.getMessage(), failure);
				}
				if (kind == FailureKind.CONTEXT_LENGTH) {
					contextFloor = Math.max(contextFloor, provider.settings().contextWindow());
				}
				if (kind.longCooldown()) {
					provider.coolDown(this.longCooldown, kind.tag());
				}
				else if (kind == FailureKind.FIRST_TOKEN_TIMEOUT || kind == FailureKind.TIMEOUT) {
					provider.coolDown(this.timeoutCooldown, kind.tag());
				}
				else if (failure.retryAfter() != null) {
					Duration retryAfter = failure.retryAfter();
					provider.coolDown((retryAfter.compareTo(this.maxRetryAfter) > 0) ? this.maxRetryAfter : retryAfter,
							"retry-after");
				}
				pending = new PendingFailover(provider.name(), kind.tag(), failure.getMessage());
			}
			finally {
				if (!provider.builtin()) {
					provider.bulkhead().onComplete();
				}
			}
		}
		// Only a call without the built-in provider gets here.
		throw new NoProviderAvailable(
				"No LLM provider could answer: " + ((pending != null) ? pending.detail() : "none serves this model"),
				soonestReturn(order));
	}

	private static @Nullable Duration soonestReturn(List<PooledProvider> providers) {
		Instant now = Instant.now();
		return providers.stream()
			.map(PooledProvider::cooldown)
			.filter(Objects::nonNull)
			.map((cooldown) -> Duration.between(now, cooldown.until()))
			.min(Comparator.naturalOrder())
			.orElse(null);
	}

	private void announce(PendingFailover pending, PooledProvider to, Consumer<Failover> failovers) {
		this.metrics.recordFailover(pending.from(), to.name(), pending.reason());
		failovers.accept(new Failover(pending.from(), to.name(), pending.reason(), pending.detail()));
	}

	private List<PooledProvider> order(@Nullable String hint) {
		List<PooledProvider> order = new ArrayList<>(this.providers.size());
		// Providers of equal priority share the calls by weight.
		int i = 0;
		while (i < this.providers.size()) {
			int priority = this.providers.get(i).settings().priority();
			boolean builtin = this.providers.get(i).builtin();
			List<PooledProvider> group = new ArrayList<>();
			while (i < this.providers.size() && this.providers.get(i).settings().priority() == priority
					&& this.providers.get(i).builtin() == builtin) {
				group.add(this.providers.get(i++));
			}
			order.addAll(weighted(group));
		}
		if (hint != null) {
			order.stream()
				.filter((provider) -> provider.name().equals(hint) && !provider.builtin())
				.findFirst()
				.ifPresent((preferred) -> {
					order.remove(preferred);
					order.add(0, preferred);
				});
		}
		return order;
	}

	private static List<PooledProvider> weighted(List<PooledProvider> group) {
		if (group.size() < 2) {
			return group;
		}
		List<PooledProvider> left = new ArrayList<>(group);
		List<PooledProvider> ordered = new ArrayList<>(group.size());
		while (!left.isEmpty()) {
			int total = left.stream().mapToInt((provider) -> provider.settings().weight()).sum();
			int pick = ThreadLocalRandom.current().nextInt(total);
			for (PooledProvider provider : left) {
				pick -= provider.settings().weight();
				if (pick < 0) {
					ordered.add(provider);
					left.remove(provider);
					break;
				}
			}
		}
		return ordered;
	}

	private record PendingFailover(String from, String reason, String detail) {

	}

}
