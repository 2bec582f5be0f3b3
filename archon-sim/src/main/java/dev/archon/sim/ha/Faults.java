package dev.archon.sim.ha;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Faults injected at run time through {@code /_sim/ha/faults}: added latency, errors, or
 * dropped WebSocket connections.
 */
@Component
public class Faults {

	private final AtomicReference<@Nullable Fault> current = new AtomicReference<>();

	private final List<Runnable> dropListeners = new CopyOnWriteArrayList<>();

	/**
	 * Sets a fault. {@link Mode#DROP_WEBSOCKET} drops every open WebSocket at once and,
	 * with a rate below 1, drops later connections with that probability per command.
	 * @param fault the fault
	 */
	public void set(Fault fault) {
		this.current.set(fault);
		if (fault.mode() == Mode.DROP_WEBSOCKET) {
			this.dropListeners.forEach(Runnable::run);
			if (fault.rate() >= 1.0) {
				this.current.compareAndSet(fault, null);
			}
		}
	}

	public void clear() {
		this.current.set(null);
	}

	public @Nullable Fault current() {
		return this.current.get();
	}

	public void onDrop(Runnable listener) {
		this.dropListeners.add(listener);
	}

	/**
	 * Whether this request or command should meet the given fault now.
	 * @param mode the fault's mode
	 * @return the fault if it is set and the dice say so
	 */
	public @Nullable Fault strikes(Mode mode) {
		Fault fault = this.current.get();
		if (fault == null || fault.mode() != mode) {
			return null;
		}
		return (fault.rate() >= 1.0 || ThreadLocalRandom.current().nextDouble() < fault.rate()) ? fault : null;
	}

	/**
	 * Sleeps for the latency fault, if it strikes.
	 */
	public void delay() {
		Fault fault = strikes(Mode.LATENCY);
		if (fault != null && fault.ms() > 0) {
			try {
				Thread.sleep(fault.ms());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * The kinds of fault.
	 */
	public enum Mode {

		/** Every answer is late by {@code ms}. */
		LATENCY("latency"),
		/**
		 * Requests fail: REST with 500, service calls over the WebSocket with an error.
		 */
		ERROR("error"),
		/** WebSocket connections are dropped. */
		DROP_WEBSOCKET("drop-websocket");

		private final String wire;

		Mode(String wire) {
			this.wire = wire;
		}

		public String wire() {
			return this.wire;
		}

		public static @Nullable Mode of(@Nullable String wire) {
			for (Mode mode : values()) {
				if (mode.wire.equals(wire)) {
					return mode;
				}
			}
			return null;
		}

	}

	/**
	 * A fault.
	 *
	 * @param mode what goes wrong
	 * @param ms the latency, for {@link Mode#LATENCY}
	 * @param rate the share of requests it strikes, 0 to 1
	 */
	public record Fault(Mode mode, long ms, double rate) {

	}

}
