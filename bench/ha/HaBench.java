import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Home Assistant benchmark's load driver, dependency-free so that it runs as a single
 * source file. Sub-commands print one JSON object each; bench/ha/run puts them together.
 *
 * ws-commands SIM_URL TOKEN SECONDS CONCURRENCY: call_service straight over one WebSocket
 * http-commands BASE_URL API_KEY SECONDS CONCURRENCY: POST /api/v1/ha/services through NGINX
 * latency SIM_URL TOKEN BASE_URL API_KEY SECONDS: one command at a time, each path in turn
 * download SIM_URL TOKEN DAYS RUNS: download the history of every entity in the bridge's chunks
 * patterns BRIDGE_URL API_KEY DAYS RUNS: fresh pattern analyses
 */
public class HaBench {

	static final Pattern LIGHT_ID = Pattern.compile("\"entity_id\":\"(light\\.[a-z0-9_]+)\"");

	static final Pattern ANY_ENTITY_ID = Pattern.compile("\"entity_id\":\"([a-z0-9_]+\\.[a-z0-9_]+)\"");

	static final Pattern RESULT = Pattern.compile("\"id\":\\s*(\\d+),\\s*\"type\":\\s*\"result\",\\s*\"success\":\\s*(true|false)");

	/** Untimed downloads before the timed ones; five settle this client's JIT. */
	static final int DOWNLOAD_WARMUP = 5;

	static final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	public static void main(String[] args) throws Exception {
		switch (args[0]) {
			case "ws-commands" -> wsCommands(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
			case "http-commands" ->
				httpCommands(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
			case "latency" -> latency(args[1], args[2], args[3], args[4], Integer.parseInt(args[5]));
			case "download" -> download(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
			case "patterns" -> patterns(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
			default -> throw new IllegalArgumentException(args[0]);
		}
	}

	/** The ids a states listing names that match the pattern, in order. */
	static List<String> ids(String states, Pattern pattern) {
		List<String> ids = new ArrayList<>();
		Matcher matcher = pattern.matcher(states);
		while (matcher.find()) {
			ids.add(matcher.group(1));
		}
		return ids;
	}

	static String get(String url, String bearer) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer).build(),
				HttpResponse.BodyHandlers.ofString())
			.body();
	}

	/** The n-th command of a run: every light on, then every light off, and again. */
	record Command(String light, String service) {

		static Command nth(List<String> lights, long n) {
			return new Command(lights.get((int) (n % lights.size())),
					((n / lights.size()) % 2 == 0) ? "turn_on" : "turn_off");
		}

	}

	/** One authenticated WebSocket to the simulator, with any number of calls in flight. */
	static final class SimSocket implements WebSocket.Listener {

		private final Map<Long, CompletableFuture<Boolean>> pending = new ConcurrentHashMap<>();

		private final CountDownLatch authenticated = new CountDownLatch(1);

		private final StringBuilder partial = new StringBuilder();

		private final String token;

		private final WebSocket socket;

		private long nextId = 1;

		SimSocket(String simUrl, String token) throws InterruptedException {
			this.token = token;
			this.socket = http.newWebSocketBuilder()
				.buildAsync(URI.create(simUrl.replaceFirst("^http", "ws") + "/api/websocket"), this)
				.join();
			this.authenticated.await();
		}

		/** Sends a call; the future completes with its success once its result came. */
		synchronized CompletableFuture<Boolean> call(Command command) {
			long id = this.nextId++;
			CompletableFuture<Boolean> result = new CompletableFuture<>();
			this.pending.put(id, result);
			this.socket.sendText("{\"id\":" + id + ",\"type\":\"call_service\",\"domain\":\"light\",\"service\":\""
					+ command.service() + "\",\"target\":{\"entity_id\":\"" + command.light() + "\"}}", true)
				.join();
			return result;
		}

		void close() {
			this.socket.abort();
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				String text = this.partial.toString();
				this.partial.setLength(0);
				if (text.contains("\"auth_required\"")) {
					webSocket.sendText("{\"type\":\"auth\",\"access_token\":\"" + this.token + "\"}", true);
				}
				else if (text.contains("\"auth_ok\"")) {
					this.authenticated.countDown();
				}
				else {
					Matcher result = RESULT.matcher(text);
					while (result.find()) {
						CompletableFuture<Boolean> call = this.pending.remove(Long.valueOf(result.group(1)));
						if (call != null) {
							call.complete(Boolean.parseBoolean(result.group(2)));
						}
					}
				}
			}
			webSocket.request(1);
			return null;
		}

	}

	/** Latencies of successful calls, and counts of the others. */
	static final class Tally {

		private final long[] latencies = new long[10_000_000];

		private final AtomicLong ok = new AtomicLong();

		private final AtomicLong failed = new AtomicLong();

		private final AtomicLong limited = new AtomicLong();

		void ok(long nanos) {
			long slot = this.ok.getAndIncrement();
			if (slot < this.latencies.length) {
				this.latencies[(int) slot] = nanos;
			}
		}

		void failed() {
			this.failed.incrementAndGet();
		}

		void limited() {
			this.limited.incrementAndGet();
		}

		String json(String path, double seconds) {
			long[] sorted = Arrays.copyOf(this.latencies, (int) Math.min(this.ok.get(), this.latencies.length));
			Arrays.sort(sorted);
			return String.format(Locale.ROOT,
					"{\"path\":\"%s\",\"ok\":%d,\"failed\":%d,\"rateLimited\":%d,\"seconds\":%.2f,\"perMinute\":%.0f,"
							+ "\"p50Ms\":%.3f,\"p99Ms\":%.3f}",
					path, this.ok.get(), this.failed.get(), this.limited.get(), seconds, this.ok.get() * 60 / seconds,
					percentile(sorted, 0.50), percentile(sorted, 0.99));
		}

		static double percentile(long[] sorted, double p) {
			return (sorted.length == 0) ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
		}

	}

	static void wsCommands(String simUrl, String token, int seconds, int concurrency) throws Exception {
		List<String> lights = ids(get(simUrl + "/api/states", token), LIGHT_ID);
		SimSocket socket = new SimSocket(simUrl, token);
		Tally tally = new Tally();
		Semaphore inFlight = new Semaphore(concurrency);
		long begin = System.nanoTime();
		long end = begin + Duration.ofSeconds(seconds).toNanos();
		for (long n = 0; System.nanoTime() < end; n++) {
			inFlight.acquire();
			long start = System.nanoTime();
			socket.call(Command.nth(lights, n)).whenComplete((success, ex) -> {
				if (Boolean.TRUE.equals(success)) {
					tally.ok(System.nanoTime() - start);
				}
				else {
					tally.failed();
				}
				inFlight.release();
			});
		}
		inFlight.acquire(concurrency);
		double elapsed = (System.nanoTime() - begin) / 1e9;
		socket.close();
		System.out.println(tally.json("ws", elapsed));
	}

	/** Sends one command through the bridge and tallies its outcome. */
	static void httpCommand(String baseUrl, String apiKey, Command command, Tally tally) {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(baseUrl + "/api/v1/ha/services/light/" + command.service()))
			.header("Authorization", "Bearer " + apiKey)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"target\":{\"entity_id\":[\"" + command.light() + "\"]}}"))
			.build();
		long start = System.nanoTime();
		try {
			int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
			if (status == 200) {
				tally.ok(System.nanoTime() - start);
			}
			else if (status == 429) {
				tally.limited();
			}
			else {
				tally.failed();
			}
		}
		catch (Exception ex) {
			tally.failed();
		}
	}

	static void httpCommands(String baseUrl, String apiKey, int seconds, int concurrency) throws Exception {
		List<String> lights = ids(get(baseUrl + "/api/v1/ha/states?domain=light", apiKey), LIGHT_ID);
		Tally tally = new Tally();
		AtomicLong counter = new AtomicLong();
		AtomicBoolean running = new AtomicBoolean(true);
		long begin = System.nanoTime();
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> workers = new ArrayList<>();
			for (int w = 0; w < concurrency; w++) {
				workers.add(executor.submit(() -> {
					while (running.get()) {
						httpCommand(baseUrl, apiKey, Command.nth(lights, counter.getAndIncrement()), tally);
					}
					return null;
				}));
			}
			Thread.sleep(Duration.ofSeconds(seconds));
			running.set(false);
			for (Future<?> worker : workers) {
				worker.get();
			}
		}
		System.out.println(tally.json("http", (System.nanoTime() - begin) / 1e9));
	}

	/**
	 * One command at a time, alternately straight to the simulator and through the
	 * bridge, so that both paths meet the same moments of a shared, noisy machine: what
	 * sets a p99 here is mostly what else the two cores were doing at the time.
	 */
	static void latency(String simUrl, String token, String baseUrl, String apiKey, int seconds) throws Exception {
		List<String> lights = ids(get(simUrl + "/api/states", token), LIGHT_ID);
		SimSocket socket = new SimSocket(simUrl, token);
		Tally direct = new Tally();
		Tally viaBridge = new Tally();
		long begin = System.nanoTime();
		long end = begin + Duration.ofSeconds(seconds).toNanos();
		for (long n = 0; System.nanoTime() < end; n += 2) {
			long start = System.nanoTime();
			if (socket.call(Command.nth(lights, n)).get()) {
				direct.ok(System.nanoTime() - start);
			}
			else {
				direct.failed();
			}
			httpCommand(baseUrl, apiKey, Command.nth(lights, n + 1), viaBridge);
		}
		double elapsed = (System.nanoTime() - begin) / 1e9;
		socket.close();
		System.out.println("{\"direct\":" + direct.json("ws", elapsed) + ",\"viaBridge\":"
				+ viaBridge.json("http", elapsed) + "}");
	}

	/** The median of the runs' times, with the runs themselves. */
	static String timings(double[] ms) {
		double[] sorted = ms.clone();
		Arrays.sort(sorted);
		StringBuilder runs = new StringBuilder();
		for (double one : ms) {
			runs.append((runs.isEmpty()) ? "" : ",").append(String.format(Locale.ROOT, "%.1f", one));
		}
		return String.format(Locale.ROOT, "\"ms\":%.1f,\"runsMs\":[%s]", sorted[sorted.length / 2], runs);
	}

	/**
	 * Downloads the same history as the bridge reads: 100 entities a request, 4 at once.
	 * The first runs are not timed: this client's JIT must be as warm as the bridge's,
	 * whose every analysis downloads the same way.
	 */
	static void download(String simUrl, String token, int days, int runs) throws Exception {
		List<String> ids = ids(get(simUrl + "/api/states", token), ANY_ENTITY_ID).stream().distinct().sorted().toList();
		for (int run = 0; run < DOWNLOAD_WARMUP; run++) {
			downloadOnce(simUrl, token, days, ids);
		}
		double[] ms = new double[runs];
		long bytes = 0;
		for (int run = 0; run < runs; run++) {
			long begin = System.nanoTime();
			bytes = downloadOnce(simUrl, token, days, ids);
			ms[run] = (System.nanoTime() - begin) / 1e6;
		}
		System.out.printf(Locale.ROOT, "{\"entities\":%d,\"bytes\":%d,%s}%n", ids.size(), bytes, timings(ms));
	}

	static long downloadOnce(String simUrl, String token, int days, List<String> ids) throws Exception {
		Instant to = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Instant from = to.minus(Duration.ofDays(days));
		AtomicLong bytes = new AtomicLong();
		Semaphore permits = new Semaphore(4);
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> chunks = new ArrayList<>();
			for (int i = 0; i < ids.size(); i += 100) {
				List<String> chunk = ids.subList(i, Math.min(ids.size(), i + 100));
				chunks.add(executor.submit(() -> {
					permits.acquire();
					try {
						String uri = simUrl + "/api/history/period/" + from + "?filter_entity_id="
								+ String.join(",", chunk) + "&end_time=" + to + "&minimal_response&no_attributes";
						try (var body = http.send(HttpRequest.newBuilder(URI.create(uri))
							.header("Authorization", "Bearer " + token)
							.build(), HttpResponse.BodyHandlers.ofInputStream()).body()) {
							bytes.addAndGet(body.transferTo(OutputStream.nullOutputStream()));
						}
					}
					finally {
						permits.release();
					}
					return null;
				}));
			}
			for (Future<?> chunk : chunks) {
				chunk.get();
			}
		}
		return bytes.get();
	}

	/**
	 * Fresh analyses, timed like the download: by a client that has already made a
	 * request, so that neither figure carries this JVM's first connection.
	 */
	static void patterns(String bridgeUrl, String apiKey, int days, int runs) throws Exception {
		get(bridgeUrl + "/api/v1/ha/states?domain=sun", apiKey);
		double[] ms = new double[runs];
		HttpResponse<String> response = null;
		for (int run = 0; run < runs; run++) {
			long begin = System.nanoTime();
			response = http.send(
					HttpRequest.newBuilder(URI.create(bridgeUrl + "/api/v1/ha/patterns?fresh=true&days=" + days))
						.header("Authorization", "Bearer " + apiKey)
						.timeout(Duration.ofMinutes(5))
						.build(),
					HttpResponse.BodyHandlers.ofString());
			ms[run] = (System.nanoTime() - begin) / 1e6;
		}
		String body = response.body();
		Matcher rows = Pattern.compile("\"rows\":(\\d+)").matcher(body);
		Matcher took = Pattern.compile("\"tookMs\":(\\d+)").matcher(body);
		int suggestions = body.split("\"yaml\"", -1).length - 1;
		System.out.printf(Locale.ROOT,
				"{\"status\":%d,%s,\"lastServerMs\":%s,\"rows\":%s,\"suggestions\":%d,\"bytes\":%d}%n",
				response.statusCode(), timings(ms), took.find() ? took.group(1) : "null",
				rows.find() ? rows.group(1) : "null", suggestions, body.length());
	}

}
