package dev.archon.api.cache;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this instance asks Redis at all. One failed call opens the circuit: for the
 * back-off that follows, every call is skipped at once instead of waiting for the command
 * timeout; then one call probes Redis (the others still skip it) and closes the circuit
 * if it answers. One failure is enough because a Redis that is down fails every call, and
 * each call it fails costs a request up to the command timeout. While open, the circuit
 * also pings Redis itself once per back-off, so that it closes when Redis is back even if
 * nothing else asks (a cache nobody reads, a copy with nothing new to write).
 */
public final class RedisCircuit implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(RedisCircuit.class);

	private final CircuitBreaker breaker;

	private final List<Runnable> recoveryListeners = new CopyOnWriteArrayList<>();

	private final ScheduledExecutorService prober = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("redis-probe").daemon().factory());

	/**
	 * Creates a closed circuit.
	 * @param backoff how long Redis is left alone after a failure before it is probed
	 * @param ping a command that Redis answers when it is up
	 */
	public RedisCircuit(Duration backoff, Runnable ping) {
		this.breaker = CircuitBreaker.of("redis",
				CircuitBreakerConfig.custom()
					.slidingWindowType(SlidingWindowType.COUNT_BASED)
					.slidingWindowSize(1)
					.minimumNumberOfCalls(1)
					.failureRateThreshold(100)
					.waitDurationInOpenState(backoff)
					.permittedNumberOfCallsInHalfOpenState(1)
					.build());
		this.breaker.getEventPublisher().onStateTransition((event) -> {
			State to = event.getStateTransition().getToState();
			if (to == State.OPEN && event.getStateTransition().getFromState() == State.CLOSED) {
				logger.warn("Redis failed: left alone for {}, then probed; caches answer from memory meanwhile",
						backoff);
			}
			else if (to == State.CLOSED) {
				logger.info("Redis answers again");
				this.recoveryListeners.forEach(Runnable::run);
			}
		});
		long millis = backoff.toMillis();
		this.prober.scheduleWithFixedDelay(() -> {
			if (!available()) {
				run(ping);
			}
		}, millis, millis, TimeUnit.MILLISECONDS);
	}

	/**
	 * Calls Redis, unless the circuit is open.
	 * @param <T> what the call returns
	 * @param call the Redis call, which may answer {@code null} (a missing key)
	 * @return what Redis answered, or {@link Reply#unanswered()} when it was not asked or
	 * failed
	 */
	public <T> Reply<T> call(Supplier<@Nullable T> call) {
		try {
			return new Reply<>(true, this.breaker.executeSupplier(call::get));
		}
		catch (CallNotPermittedException ex) {
			return Reply.unanswered();
		}
		catch (RuntimeException ex) {
			logger.debug("Redis call failed: {}", ex.getMessage());
			return Reply.unanswered();
		}
	}

	/**
	 * Runs a Redis command whose answer does not matter, unless the circuit is open.
	 * @param command the command
	 * @return whether Redis carried it out
	 */
	public boolean run(Runnable command) {
		return call(() -> {
			command.run();
			return Boolean.TRUE;
		}).answered();
	}

	/**
	 * Whether Redis answered the last call.
	 * @return {@code false} while Redis is left alone or probed
	 */
	public boolean available() {
		return this.breaker.getState() == State.CLOSED;
	}

	/**
	 * Runs an action each time Redis answers again after an outage, on the thread whose
	 * call found it back: the action should only hand work to its own thread.
	 * @param listener the action
	 */
	public void onRecovery(Runnable listener) {
		this.recoveryListeners.add(listener);
	}

	@Override
	public void close() {
		this.prober.shutdownNow();
	}

	/**
	 * What Redis answered.
	 *
	 * @param <T> the type of the answer
	 * @param answered whether Redis was asked and answered
	 * @param value the answer, {@code null} when there was none or Redis did not answer
	 */
	public record Reply<T>(boolean answered, @Nullable T value) {

		static <T> Reply<T> unanswered() {
			return new Reply<>(false, null);
		}

	}

}
