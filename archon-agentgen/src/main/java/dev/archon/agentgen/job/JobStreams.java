package dev.archon.agentgen.job;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.LongFunction;

import dev.archon.api.wire.agents.JobFinished;
import dev.archon.api.wire.agents.JobStatus;

import org.springframework.stereotype.Component;

/**
 * A job's event stream for one client: the stored events after the client's
 * {@code Last-Event-ID} first, then the live ones from Redis, each once and in order,
 * until the job's final event.
 */
@Component
public class JobStreams {

	private final JobEvents events;

	private final EventHub hub;

	private final Jobs jobs;

	JobStreams(JobEvents events, EventHub hub, Jobs jobs) {
		this.events = events;
		this.hub = hub;
		this.jobs = jobs;
	}

	/**
	 * Opens a stream.
	 * @param jobId the job
	 * @param lastEventId the last event the client saw, 0 for none
	 * @param sink where the events go
	 * @throws JobNotFound when there is no such job
	 */
	public void open(UUID jobId, long lastEventId, Sink sink) {
		if (this.jobs.status(jobId).isEmpty()) {
			throw new JobNotFound(jobId);
		}
		Stream stream = new Stream(sink, lastEventId, (after) -> this.events.after(jobId, after));
		AutoCloseable subscription = this.hub.subscribe(jobId, stream::live);
		stream.subscription = subscription;
		// Subscribed before reading the store, so that nothing published in between is
		// lost; the stream drops what it has already sent.
		for (StoredEvent event : this.events.after(jobId, lastEventId)) {
			stream.replayed(event);
		}
		stream.caughtUp();
		if (this.jobs.status(jobId).map(JobStatus::finished).orElse(true)) {
			// Finished before this client came: send what is left and end the stream.
			for (StoredEvent event : this.events.after(jobId, stream.lastSent())) {
				stream.replayed(event);
			}
			stream.end();
		}
	}

	/**
	 * Where a stream's events go.
	 */
	public interface Sink {

		/**
		 * Sends an event.
		 * @param event the event
		 * @return whether the client is still there
		 */
		boolean send(StoredEvent event);

		void complete();

	}

	private static final class Stream {

		private final Sink sink;

		private final LongFunction<List<StoredEvent>> storedAfter;

		private long lastSent;

		private boolean replaying = true;

		private boolean closed;

		private final List<StoredEvent> pending = new ArrayList<>();

		private AutoCloseable subscription = () -> {
		};

		Stream(Sink sink, long lastSent, LongFunction<List<StoredEvent>> storedAfter) {
			this.sink = sink;
			this.lastSent = lastSent;
			this.storedAfter = storedAfter;
		}

		synchronized void live(StoredEvent event) {
			if (this.replaying) {
				this.pending.add(event);
				return;
			}
			if (event.id() > this.lastSent + 1) {
				// Redis delivers a job's messages on several threads, so a later event
				// can
				// overtake an earlier one; every event is stored before it is published,
				// so
				// the store fills the gap in order (ids of other jobs make harmless
				// gaps).
				for (StoredEvent stored : this.storedAfter.apply(this.lastSent)) {
					send(stored);
				}
			}
			send(event);
		}

		synchronized void replayed(StoredEvent event) {
			send(event);
		}

		synchronized long lastSent() {
			return this.lastSent;
		}

		synchronized void end() {
			if (!this.closed) {
				close();
			}
		}

		synchronized void caughtUp() {
			this.replaying = false;
			this.pending.sort((a, b) -> Long.compare(a.id(), b.id()));
			for (StoredEvent event : this.pending) {
				send(event);
			}
			this.pending.clear();
		}

		private void send(StoredEvent event) {
			if (this.closed || event.id() <= this.lastSent) {
				return;
			}
			this.lastSent = event.id();
			boolean open = this.sink.send(event);
			if (!open || event.event() instanceof JobFinished) {
				close();
			}
		}

		private void close() {
			this.closed = true;
			try {
				this.subscription.close();
			}
			catch (Exception ex) {
				// Nothing to release beyond the listener itself.
			}
			this.sink.complete();
		}

	}

}
