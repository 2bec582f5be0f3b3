package dev.archon.sim.llm;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The run-time faults and latency of each provider. A request asks for its {@link Plan}
 * once, on arrival; changing the settings affects the requests that arrive afterwards.
 * <p>
 * A lifecycle bean so that requests held by a {@link FaultMode#TIMEOUT} are let go before
 * the web server's graceful shutdown starts waiting for them.
 */
@Component
public class LlmFaults implements SmartLifecycle {

	private final Map<Provider, State> states = new EnumMap<>(Provider.class);

	private volatile boolean running;

	public LlmFaults() {
		for (Provider provider : Provider.values()) {
			this.states.put(provider, new State());
		}
	}

	/**
	 * Injects a fault, replacing the provider's previous one and restarting its request
	 * count.
	 * @param provider the provider to fail
	 * @param fault the fault
	 */
	public void inject(Provider provider, Fault fault) {
		Armed previous = this.states.get(provider).armed;
		this.states.get(provider).armed = new Armed(fault, new AtomicLong(), new CountDownLatch(1));
		release(previous);
	}

	/**
	 * Sets the latency of a provider.
	 * @param provider the provider
	 * @param latency its new latency
	 */
	public void latency(Provider provider, Latency latency) {
		this.states.get(provider).latency = latency;
	}

	/**
	 * Removes the faults and latency of one provider, or of all; requests held by a
	 * timeout go on and are answered normally.
	 * @param provider the provider, or {@code null} for all
	 */
	public void reset(@Nullable Provider provider) {
		for (Map.Entry<Provider, State> entry : this.states.entrySet()) {
			if (provider == null || provider == entry.getKey()) {
				State state = entry.getValue();
				Armed previous = state.armed;
				state.armed = null;
				state.latency = Latency.NONE;
				release(previous);
			}
		}
	}

	/**
	 * Decides what happens to a request that just arrived, counting it toward the fault's
	 * rate.
	 * @param provider the provider it was sent to
	 * @return the fault that applies to it, if any, and the latency to simulate
	 */
	public Plan plan(Provider provider) {
		State state = this.states.get(provider);
		Armed armed = state.armed;
		if (armed == null || !armed.fault.affects(armed.count.incrementAndGet())) {
			return new Plan(null, state.latency, null);
		}
		return new Plan(armed.fault, state.latency, armed.released);
	}

	/**
	 * Holds a request affected by a fault, for a timeout or a slow first token, and lets
	 * it go early when the fault is lifted (or the application stops), so that no request
	 * outlives its fault.
	 * @param plan the request's plan
	 * @param ms the longest time to hold it
	 * @return {@code true} if the fault was lifted meanwhile, {@code false} if the time
	 * ran out
	 */
	public boolean hold(Plan plan, long ms) {
		if (plan.released == null) {
			return true;
		}
		try {
			return plan.released.await(ms, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return true;
		}
	}

	/**
	 * The current settings, for the control API.
	 * @return per provider, its fault (or {@code null}) and latency
	 */
	public Map<String, Settings> settings() {
		Map<String, Settings> settings = new LinkedHashMap<>();
		this.states.forEach((provider, state) -> {
			Armed armed = state.armed;
			settings.put(provider.id(), new Settings((armed != null) ? armed.fault : null, state.latency));
		});
		return settings;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.states.values().forEach((state) -> release(state.armed));
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private static void release(@Nullable Armed armed) {
		if (armed != null) {
			armed.released.countDown();
		}
	}

	/**
	 * What happens to one request.
	 *
	 * @param fault the fault that applies to it, or {@code null}
	 * @param latency the latency to simulate
	 * @param released opens when the fault is lifted, so that held requests can go on
	 */
	public record Plan(@Nullable Fault fault, Latency latency, @Nullable CountDownLatch released) {

		/**
		 * Whether the request is affected by a fault of the given mode.
		 * @param mode the mode
		 * @return whether it is
		 */
		public boolean is(FaultMode mode) {
			return this.fault != null && this.fault.mode() == mode;
		}

	}

	/**
	 * A provider's current settings.
	 *
	 * @param fault its fault, or {@code null}
	 * @param latency its latency
	 */
	public record Settings(@Nullable Fault fault, Latency latency) {

	}

	private static final class State {

		volatile @Nullable Armed armed;

		volatile Latency latency = Latency.NONE;

	}

	private record Armed(Fault fault, AtomicLong count, CountDownLatch released) {

	}

}
