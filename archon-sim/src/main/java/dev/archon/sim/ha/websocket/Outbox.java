package dev.archon.sim.ha.websocket;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.archon.sim.ha.HaSimProperties;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * One connection's outgoing messages: a queue drained by the connection's own virtual
 * thread, so that a slow client never blocks the threads that fire events or another
 * client. Like Home Assistant's writer, it coalesces whatever is waiting into one JSON
 * array frame once the client has asked for {@code coalesce_messages}, and it drops a
 * client that falls too far behind.
 */
final class Outbox {

	private static final Log logger = LogFactory.getLog(Outbox.class);

	/** Home Assistant's {@code PENDING_MSG_MAX_FORCE_READY}: the most in one frame. */
	private static final int MAX_COALESCED = 256;

	private static final String CLOSE = new String("close");

	private final WebSocketSession session;

	private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();

	private final int maxPending;

	private final int peakPending;

	private final long peakNanos;

	private volatile boolean coalesce;

	private volatile boolean closed;

	private volatile long peakSince;

	Outbox(WebSocketSession session, HaSimProperties.WebSocket limits) {
		this.session = session;
		this.maxPending = limits.maxPendingMessages();
		this.peakPending = limits.peakPendingMessages();
		this.peakNanos = limits.peakPendingTime().toNanos();
		Thread.ofVirtual().name("ha-websocket-writer-" + session.getId()).start(this::run);
	}

	void coalesce() {
		this.coalesce = true;
	}

	void send(String message) {
		if (this.closed) {
			return;
		}
		this.queue.add(message);
		int pending = this.queue.size();
		if (pending > this.maxPending) {
			abort("Client unable to keep up with pending messages. Reached " + this.maxPending + " pending messages.");
		}
		else if (pending > this.peakPending) {
			long now = System.nanoTime();
			if (this.peakSince == 0) {
				this.peakSince = now;
			}
			else if (now - this.peakSince > this.peakNanos) {
				abort("Client unable to keep up with pending messages. Stayed over " + this.peakPending);
			}
		}
	}

	/**
	 * Sends what is queued, then closes the connection.
	 */
	void closeAfterFlush() {
		this.queue.add(CLOSE);
	}

	void abort(String reason) {
		if (this.closed) {
			return;
		}
		this.closed = true;
		logger.info("Closing WebSocket " + this.session.getId() + ": " + reason);
		this.queue.clear();
		this.queue.add(CLOSE);
		// Not on this thread: it may be firing an event, and the writer may be stuck in a
		// send to the very client that does not read.
		Thread.ofVirtual().start(() -> close(CloseStatus.POLICY_VIOLATION));
	}

	void stop() {
		this.closed = true;
		this.queue.add(CLOSE);
	}

	private void run() {
		List<String> batch = new ArrayList<>();
		try {
			while (true) {
				String first = this.queue.take();
				if (first == CLOSE) {
					close(CloseStatus.NORMAL);
					return;
				}
				batch.clear();
				batch.add(first);
				if (this.coalesce) {
					this.queue.drainTo(batch, MAX_COALESCED - 1);
				}
				boolean closeAfter = false;
				int end = batch.indexOf(CLOSE);
				if (end >= 0) {
					closeAfter = true;
					batch.subList(end, batch.size()).clear();
				}
				if (this.queue.size() <= this.peakPending) {
					this.peakSince = 0;
				}
				if (!batch.isEmpty()) {
					String payload = (batch.size() == 1) ? batch.get(0) : "[" + String.join(",", batch) + "]";
					this.session.sendMessage(new TextMessage(payload));
				}
				if (closeAfter) {
					close(CloseStatus.NORMAL);
					return;
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (IOException | IllegalStateException ex) {
			// The client went away while we were writing; closing tells the handler.
			close(CloseStatus.SESSION_NOT_RELIABLE);
		}
	}

	private void close(CloseStatus status) {
		try {
			if (this.session.isOpen()) {
				this.session.close(status);
			}
		}
		catch (IOException | IllegalStateException ex) {
			logger.debug("Closing WebSocket " + this.session.getId() + " failed", ex);
		}
	}

}
