package dev.archon.cluster.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Follows one job's Server-Sent Events as a browser does: when the stream breaks before
 * the job's {@code done} event (its instance died, NGINX gave up), it reconnects with the
 * {@code Last-Event-ID} of the last event it saw, so that it must miss nothing.
 */
final class JobFollower implements Runnable {

	private static final Duration RECONNECT_DELAY = Duration.ofMillis(250);

	private final Api api;

	private final HttpClient http;

	private final UUID job;

	private final Set<Long> seen = ConcurrentHashMap.newKeySet();

	private final AtomicInteger reconnects = new AtomicInteger();

	private volatile boolean done;

	JobFollower(Api api, HttpClient http, UUID job) {
		this.api = api;
		this.http = http;
		this.job = job;
	}

	/**
	 * Reads every event of a job's stream from its start, for a job that has finished.
	 * @param api the API
	 * @param http the client
	 * @param job the job
	 * @return its events
	 */
	static Replay replay(Api api, HttpClient http, UUID job) throws IOException, InterruptedException {
		Replay replay = new Replay(ConcurrentHashMap.newKeySet(), new AtomicInteger());
		read(api, http, job, 0, replay);
		return replay;
	}

	@Override
	public void run() {
		long last = 0;
		while (!this.done && !Thread.currentThread().isInterrupted()) {
			Replay events = new Replay(this.seen, new AtomicInteger());
			try {
				last = Math.max(last, read(this.api, this.http, this.job, last, events));
				this.done = events.finished().get() > 0;
			}
			catch (IOException | UncheckedIOException ex) {
				// The stream broke: reconnect below with the last event seen.
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			if (!this.done) {
				this.reconnects.incrementAndGet();
				try {
					Thread.sleep(RECONNECT_DELAY);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}
	}

	Set<Long> seen() {
		return this.seen;
	}

	boolean done() {
		return this.done;
	}

	int reconnects() {
		return this.reconnects.get();
	}

	/**
	 * Reads the stream after {@code last} into {@code into}; returns the last id read.
	 */
	private static long read(Api api, HttpClient http, UUID job, long last, Replay into)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = api.request("/api/v1/agents/" + job + "/events")
			.header("Accept", "text/event-stream")
			// Idle between events is normal; a stream that never ends is what the
			// suite's own deadline is for.
			.timeout(Duration.ofMinutes(10));
		if (last > 0) {
			request.header("Last-Event-ID", Long.toString(last));
		}
		HttpResponse<Stream<String>> response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
		if (response.statusCode() != 200) {
			response.body().close();
			throw new IOException("events of " + job + " answered " + response.statusCode());
		}
		long lastRead = last;
		try (Stream<String> lines = response.body()) {
			Long id = null;
			String name = "message";
			Iterator<String> iterator = lines.iterator();
			while (iterator.hasNext()) {
				String line = iterator.next();
				if (line.startsWith("id:")) {
					id = Long.parseLong(line.substring(3).trim());
				}
				else if (line.startsWith("event:")) {
					name = line.substring(6).trim();
				}
				else if (line.isEmpty() && id != null) {
					into.ids().add(id);
					lastRead = id;
					if (name.equals("done")) {
						into.finished().incrementAndGet();
					}
					id = null;
					name = "message";
				}
			}
		}
		return lastRead;
	}

	/**
	 * The events read from a job's stream.
	 *
	 * @param ids their ids
	 * @param finished how many of them said that the job was done
	 */
	record Replay(Set<Long> ids, AtomicInteger finished) {

	}

}
