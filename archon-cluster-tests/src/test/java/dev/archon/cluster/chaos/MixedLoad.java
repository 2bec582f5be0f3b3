package dev.archon.cluster.chaos;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The steady mixed load a scenario runs under, from threads of its own: generations on
 * the simulated providers (each followed by a {@link JobFollower}), document ingestions,
 * searches, Home Assistant state reads and commands. It remembers every job the cluster
 * accepted and every document it ingested, so that {@link #audit} can tell what was lost.
 */
final class MixedLoad implements AutoCloseable {

	/** Few enough that the request rate stays far below NGINX's per-key limit. */
	private static final int WORKERS = 6;

	private static final Duration THINK_TIME = Duration.ofMillis(50);

	/** Of every {@value} operations of a worker, one generation and one ingestion. */
	private static final int CYCLE = 20;

	private static final String SOURCE = "chaos";

	private final Api api;

	private final HttpClient http;

	private final JsonMapper json;

	private final String scenario;

	private final Map<UUID, JobFollower> jobs = new ConcurrentHashMap<>();

	private final Set<String> ingested = ConcurrentHashMap.newKeySet();

	private final AtomicInteger documents = new AtomicInteger();

	private final List<Thread> threads = new ArrayList<>();

	private final List<Thread> followers = new CopyOnWriteArrayList<>();

	private volatile boolean running;

	MixedLoad(Api api, HttpClient http, JsonMapper json, String scenario) {
		this.api = api;
		this.http = http;
		this.json = json;
		this.scenario = scenario;
	}

	void start() {
		this.running = true;
		for (int i = 0; i < WORKERS; i++) {
			int worker = i;
			this.threads.add(Thread.ofVirtual().name("chaos-load-" + i).start(() -> work(worker)));
		}
	}

	/** Stops sending new requests; the followers go on until their jobs are done. */
	void stop() throws InterruptedException {
		this.running = false;
		for (Thread thread : this.threads) {
			thread.join();
		}
	}

	/**
	 * Waits for every accepted job to finish, then counts the work that was lost: jobs
	 * that never finished or finished twice, events a follower missed, and ingested
	 * documents the store does not have.
	 * @param patience how long the jobs may still take, long enough for a lease of a
	 * killed worker to run out
	 * @return what was lost
	 */
	LostWork audit(Duration patience) throws IOException, InterruptedException {
		Instant deadline = Instant.now().plus(patience);
		int unfinished = 0;
		int failed = 0;
		int finishedTwice = 0;
		int missedEvents = 0;
		int reconnects = 0;
		for (Map.Entry<UUID, JobFollower> entry : this.jobs.entrySet()) {
			Optional<JsonNode> job = Jobs.awaitFinished(this.api, this.json, entry.getKey(), deadline);
			if (job.isEmpty()) {
				unfinished++;
				continue;
			}
			if (!job.get().path("status").asString("").equals("succeeded")) {
				failed++;
			}
			JobFollower follower = entry.getValue();
			while (!follower.done() && Instant.now().isBefore(deadline)) {
				Thread.sleep(100);
			}
			JobFollower.Replay replay = JobFollower.replay(this.api, this.http, entry.getKey());
			if (replay.finished().get() > 1) {
				finishedTwice++;
			}
			Set<Long> missed = new HashSet<>(replay.ids());
			missed.removeAll(follower.seen());
			missedEvents += missed.size();
			reconnects += follower.reconnects();
		}
		Set<String> missing = new HashSet<>(this.ingested);
		missing.removeAll(storedDocuments());
		return new LostWork(this.jobs.size(), unfinished, failed, finishedTwice, missedEvents, reconnects,
				this.ingested.size(), missing.size());
	}

	@Override
	public void close() {
		this.running = false;
		this.threads.forEach(Thread::interrupt);
		this.followers.forEach(Thread::interrupt);
	}

	private void work(int worker) {
		try {
			for (int i = 0; this.running; i++) {
				int step = (i + worker * 3) % CYCLE;
				if (step == 0) {
					generate();
				}
				else if (step == CYCLE / 2) {
					ingest();
				}
				else {
					switch (step % 3) {
						case 0 -> this.api.send(this.api.post("/api/v1/vector/search",
								"{\"query\":\"how does an agent call a tool\",\"limit\":3}"));
						case 1 -> this.api.send(this.api.get("/api/v1/ha/states?domain=light"));
						// turn_on, not toggle: a command sent again must not undo itself
						default -> this.api.send(this.api.post("/api/v1/ha/services/light/turn_on",
								"{\"target\":{\"entity_id\":\"light.kitchen\"}}"));
					}
				}
				Thread.sleep(THINK_TIME);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void generate() throws InterruptedException {
		String description = "An agent for the " + this.scenario + " scenario that reports the state of light "
				+ UUID.randomUUID();
		ObjectNode body = this.json.createObjectNode().put("description", description).put("refinements", 1);
		// The key makes sending it again safe: the cluster answers with the job it
		// accepted the first time, so a retry can neither lose nor double a job.
		Optional<HttpResponse<String>> response = this.api.send(this.api.request("/api/v1/agents")
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build());
		if (response.isPresent() && response.get().statusCode() == 202) {
			UUID id = UUID.fromString(this.json.readTree(response.get().body()).get("id").asString());
			JobFollower follower = new JobFollower(this.api, this.http, id);
			this.jobs.put(id, follower);
			this.followers.add(Thread.ofVirtual().name("chaos-follower-" + id).start(follower));
		}
	}

	private void ingest() throws InterruptedException {
		String url = "https://chaos.archon.dev/" + this.scenario + "/" + this.documents.incrementAndGet();
		ObjectNode body = this.json.createObjectNode().put("source", SOURCE);
		body.putArray("documents")
			.addObject()
			.put("url", url)
			.put("title", "Chaos " + url)
			.put("content", "# A page ingested under faults\n\nIt must be found after the scenario: " + url);
		Optional<HttpResponse<String>> response = this.api
			.send(this.api.post("/api/v1/vector/documents", body.toString()));
		if (response.isPresent() && response.get().statusCode() == 200) {
			this.ingested.add(url);
		}
	}

	private Set<String> storedDocuments() throws IOException, InterruptedException {
		HttpResponse<String> response = this.api.sendOnce(this.api.get("/api/v1/vector/pages?source=" + SOURCE));
		Set<String> urls = new HashSet<>();
		if (response.statusCode() == 200) {
			for (JsonNode url : this.json.readTree(response.body())) {
				urls.add(url.asString());
			}
		}
		return urls;
	}

}
