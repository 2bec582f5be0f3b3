package dev.archon.api.lease;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Renews the leases this instance holds, every third of the lease, from one timer thread
 * for all of them. A renewal that finds the lease gone tells the lease's holder, once; a
 * renewal that fails (the database briefly away) is tried again at the next tick, and two
 * more ticks fit in the lease before another instance may claim the row.
 */
public final class LeaseKeeper implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(LeaseKeeper.class);

	private final Duration lease;

	private final LeaseRenewal renewal;

	private final Map<UUID, Held> held = new ConcurrentHashMap<>();

	private final ScheduledExecutorService timer;

	/**
	 * Starts renewing.
	 * @param queue the queue's name, which names the timer thread
	 * @param lease how long a lease lasts, as the queue's claims set it
	 * @param renewal how the queue extends one lease
	 */
	public LeaseKeeper(String queue, Duration lease, LeaseRenewal renewal) {
		this.lease = lease;
		this.renewal = renewal;
		this.timer = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name(queue + "-leases").daemon().factory());
		long every = Math.max(1, lease.toMillis() / 3);
		this.timer.scheduleWithFixedDelay(this::renewAll, every, every, TimeUnit.MILLISECONDS);
	}

	/**
	 * Keeps a claimed row's lease alive until the returned handle is closed.
	 * @param id the claimed row
	 * @param owner who claimed it
	 * @param onLost what to do when the lease is found gone: stop the work, at least do
	 * not finish it as if it were still held
	 * @return the handle, to close when the work is over
	 */
	public Held hold(UUID id, String owner, Runnable onLost) {
		Held lease = new Held(id, owner, onLost);
		this.held.put(id, lease);
		return lease;
	}

	void renewAll() {
		this.held.values().forEach(this::renew);
	}

	private void renew(Held lease) {
		try {
			if (!this.renewal.renew(lease.id, lease.owner, this.lease) && this.held.remove(lease.id, lease)) {
				logger.warn("Lost the lease of " + lease.id);
				lease.onLost.run();
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not renew the lease of " + lease.id + ": " + ex.getMessage());
		}
	}

	@Override
	public void close() {
		this.timer.shutdownNow();
	}

	/**
	 * A lease being kept alive.
	 */
	public final class Held implements AutoCloseable {

		private final UUID id;

		private final String owner;

		private final Runnable onLost;

		private Held(UUID id, String owner, Runnable onLost) {
			this.id = id;
			this.owner = owner;
			this.onLost = onLost;
		}

		/**
		 * Stops renewing: the work is over, and finishing the row ended the lease.
		 */
		@Override
		public void close() {
			LeaseKeeper.this.held.remove(this.id, this);
		}

	}

}
