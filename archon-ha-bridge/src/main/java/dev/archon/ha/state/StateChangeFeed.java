package dev.archon.ha.state;

import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.archon.api.wire.ha.StateChanged;

/**
 * Hands state changes to subscribers (the SSE streams). Each subscriber has a bounded
 * queue drained by a thread of its own, so a slow client never holds up the WebSocket
 * reader; a subscriber that falls too far behind is dropped.
 */
public class StateChangeFeed {

	private final Set<Subscription> subscriptions = new CopyOnWriteArraySet<>();

	private final int buffer;

	StateChangeFeed(int buffer) {
		this.buffer = buffer;
	}

	/**
	 * Subscribes to state changes.
	 * @param domain only changes of this domain, when given
	 * @param entityIds only changes of these entities, when not empty
	 * @param sink receives each change; an exception from it ends the subscription
	 * @param ended called once when the subscription ends
	 * @return the subscription
	 */
	public Subscription subscribe(@Nullable String domain, Set<String> entityIds, Consumer<StateChanged> sink,
			Runnable ended) {
		Subscription subscription = new Subscription(domain, Set.copyOf(entityIds), sink, ended,
				new ArrayBlockingQueue<>(this.buffer));
		this.subscriptions.add(subscription);
		Thread.ofVirtual().name("ha-sse").start(subscription::drain);
		return subscription;
	}

	void publish(String entityId, JsonNode data) {
		if (this.subscriptions.isEmpty()) {
			// Most changes have no one streaming them: the event path stays as it was.
			return;
		}
		String domain = EntityIds.domain(entityId);
		StateChanged change = StateChanged.of(data);
		for (Subscription subscription : this.subscriptions) {
			if (subscription.wants(entityId, domain) && !subscription.queue.offer(change)) {
				subscription.cancel();
			}
		}
	}

	/**
	 * One subscriber.
	 */
	public final class Subscription {

		/** Told apart by identity: no change of Home Assistant's is this instance. */
		private static final StateChanged END = new StateChanged("", null, null);

		private final @Nullable String domain;

		private final Set<String> entityIds;

		private final Consumer<StateChanged> sink;

		private final Runnable ended;

		private final BlockingQueue<StateChanged> queue;

		private volatile boolean cancelled;

		Subscription(@Nullable String domain, Set<String> entityIds, Consumer<StateChanged> sink, Runnable ended,
				BlockingQueue<StateChanged> queue) {
			this.domain = domain;
			this.entityIds = entityIds;
			this.sink = sink;
			this.ended = ended;
			this.queue = queue;
		}

		boolean wants(String entityId, String entityDomain) {
			return !this.cancelled && (this.domain == null || this.domain.equals(entityDomain))
					&& (this.entityIds.isEmpty() || this.entityIds.contains(entityId));
		}

		public void cancel() {
			if (!this.cancelled) {
				this.cancelled = true;
				subscriptions.remove(this);
				this.queue.clear();
				this.queue.offer(END);
			}
		}

		private void drain() {
			try {
				while (!this.cancelled) {
					StateChanged next = this.queue.take();
					if (next == END) {
						break;
					}
					this.sink.accept(next);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (RuntimeException ex) {
				// The client went away.
			}
			finally {
				cancel();
				this.ended.run();
			}
		}

	}

}
