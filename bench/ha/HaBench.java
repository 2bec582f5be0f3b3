import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Home Assistant benchmark's load driver, dependency-free so that it runs as a single
 * source file. Sub-commands print one JSON object each; bench/ha/run puts them together.
 *
 * ws-commands SIM_URL TOKEN SECONDS CONCURRENCY: call_service straight over one WebSocket
 * http-commands BASE_URL API_KEY SECONDS CONCURRENCY: POST /api/v1/ha/services through NGINX
 * download SIM_URL TOKEN DAYS: download the history of every entity in the bridge's chunks
 * patterns BRIDGE_URL API_KEY DAYS: one fresh pattern analysis
 */
public class HaBench {

	static final Pattern ENTITY_ID = Pattern.compile("\"entity_id\":\"(light\\.[a-z0-9_]+)\"");

	static final Pattern ANY_ENTITY_ID = Pattern.compile("\"entity_id\":\"([a-z0-9_]+\\.[a-z0-9_]+)\"");

	static final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	public static void main(String[] args) throws Exception {
		switch (args[0]) {
			case "ws-commands" -> wsCommands(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
			case "http-commands" ->
				httpCommands(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
			case "download" -> download(args[1], args[2], Integer.parseInt(args[3]));
			case "patterns" -> patterns(args[1], args[2], Integer.parseInt(args[3]));
			default -> throw new IllegalArgumentException(args[0]);
		}
	}

	static List<String> entityIds(String simUrl, String token, Pattern pattern) throws Exception {
		String states = http.send(HttpRequest.newBuilder(URI.create(simUrl + "/api/states"))
			.header("Authorization", "Bearer " + token)
			.build(), HttpResponse.BodyHandlers.ofString()).body();
		List<String> ids = new ArrayList<>();
		Matcher matcher = pattern.matcher(states);
		while (matcher.find()) {
			ids.add(matcher.group(1));
		}
		return ids;
	}

	static String command(long id, List<String> lights, long n) {
		String light = lights.get((int) (n % lights.size()));
		String service = ((n / lights.size()) % 2 == 0) ? "turn_on" : "turn_off";
		return "{\"id\":" + id + ",\"type\":\"call_service\",\"domain\":\"light\",\"service\":\"" + service
				+ "\",\"target\":{\"entity_id\":\"" + light + "\"}}";
	}

	static void wsCommands(String simUrl, String token, int seconds, int concurrency) throws Exception {
		List<String> lights = entityIds(simUrl, token, ENTITY_ID);
		Map<Long, Long> started = new ConcurrentHashMap<>();
		long[] latencies = new long[10_000_000];
		AtomicLong done = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		Semaphore inFlight = new Semaphore(concurrency);
		CountDownLatch authenticated = new CountDownLatch(1);
		WebSocket socket = http.newWebSocketBuilder()
			.buildAsync(URI.create(simUrl.replaceFirst("^http", "ws") + "/api/websocket"), new WebSocket.Listener() {
				final StringBuilder partial = new StringBuilder();

				@Override
				public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
					this.partial.append(data);
					if (last) {
						String text = this.partial.toString();
						this.partial.setLength(0);
						if (text.contains("\"auth_required\"")) {
							webSocket.sendText("{\"type\":\"auth\",\"access_token\":\"" + token + "\"}", true);
						}
						else if (text.contains("\"auth_ok\"")) {
							authenticated.countDown();
						}
						else {
							Matcher id = Pattern.compile("\"id\":(\\d+),\"type\":\"result\",\"success\":(true|false)")
								.matcher(text);
							Matcher loose = Pattern.compile("\"id\":\\s*(\\d+)").matcher(text);
							Long key = id.find() ? Long.valueOf(id.group(1)) : (loose.find() ? Long.valueOf(loose.group(1)) : null);
							Long start = (key != null) ? started.remove(key) : null;
							if (start != null) {
								long n = done.getAndIncrement();
								if (n < latencies.length) {
									latencies[(int) n] = System.nanoTime() - start;
								}
								if (!text.contains("\"success\":true")) {
									failed.incrementAndGet();
								}
								inFlight.release();
							}
						}
					}
					webSocket.request(1);
					return null;
				}
			})
			.join();
		authenticated.await();
		ReentrantLock sendLock = new ReentrantLock();
		long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
		long begin = System.nanoTime();
		long id = 1;
		while (System.nanoTime() < end) {
			inFlight.acquire();
			sendLock.lock();
			try {
				started.put(id, System.nanoTime());
				socket.sendText(command(id, lights, id), true).join();
				id++;
			}
			finally {
				sendLock.unlock();
			}
		}
		inFlight.acquire(concurrency);
		double elapsed = (System.nanoTime() - begin) / 1e9;
		socket.abort();
		report("ws", done.get(), failed.get(), 0, elapsed, Arrays.copyOf(latencies, (int) Math.min(done.get(), latencies.length)));
	}

	static void httpCommands(String baseUrl, String apiKey, int seconds, int concurrency) throws Exception {
		String states = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/ha/states?domain=light"))
			.header("Authorization", "Bearer " + apiKey)
			.build(), HttpResponse.BodyHandlers.ofString()).body();
		List<String> lights = new ArrayList<>();
		Matcher matcher = ENTITY_ID.matcher(states);
		while (matcher.find()) {
			lights.add(matcher.group(1));
		}
		long[] latencies = new long[10_000_000];
		AtomicLong ok = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		AtomicLong limited = new AtomicLong();
		AtomicLong counter = new AtomicLong();
		AtomicLong recorded = new AtomicLong();
		AtomicBoolean running = new AtomicBoolean(true);
		long begin = System.nanoTime();
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> workers = new ArrayList<>();
			for (int w = 0; w < concurrency; w++) {
				workers.add(executor.submit(() -> {
					while (running.get()) {
						long n = counter.getAndIncrement();
						String light = lights.get((int) (n % lights.size()));
						String service = ((n / lights.size()) % 2 == 0) ? "turn_on" : "turn_off";
						HttpRequest request = HttpRequest
							.newBuilder(URI.create(baseUrl + "/api/v1/ha/services/light/" + service))
							.header("Authorization", "Bearer " + apiKey)
							.header("Content-Type", "application/json")
							.POST(HttpRequest.BodyPublishers
								.ofString("{\"target\":{\"entity_id\":[\"" + light + "\"]}}"))
							.build();
						long start = System.nanoTime();
						try {
							int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
							long took = System.nanoTime() - start;
							if (status == 200) {
								ok.incrementAndGet();
								long slot = recorded.getAndIncrement();
								if (slot < latencies.length) {
									latencies[(int) slot] = took;
								}
							}
							else if (status == 429) {
								limited.incrementAndGet();
							}
							else {
								failed.incrementAndGet();
							}
						}
						catch (Exception ex) {
							failed.incrementAndGet();
						}
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
		double elapsed = (System.nanoTime() - begin) / 1e9;
		report("http", ok.get(), failed.get(), limited.get(), elapsed,
				Arrays.copyOf(latencies, (int) Math.min(recorded.get(), latencies.length)));
	}

	static void report(String path, long ok, long failed, long limited, double seconds, long[] latencies) {
		Arrays.sort(latencies);
		System.out.printf(java.util.Locale.ROOT,
				"{\"path\":\"%s\",\"ok\":%d,\"failed\":%d,\"rateLimited\":%d,\"seconds\":%.2f,\"perMinute\":%.0f,"
						+ "\"p50Ms\":%.3f,\"p99Ms\":%.3f}%n",
				path, ok, failed, limited, seconds, ok * 60 / seconds, percentile(latencies, 0.50),
				percentile(latencies, 0.99));
	}

	static double percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		return sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
	}

	/** Downloads the same history as the bridge reads: 100 entities a request, 4 at once. */
	static void download(String simUrl, String token, int days) throws Exception {
		List<String> ids = entityIds(simUrl, token, ANY_ENTITY_ID).stream().distinct().sorted().toList();
		java.time.Instant to = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		java.time.Instant from = to.minus(Duration.ofDays(days));
		AtomicLong bytes = new AtomicLong();
		Semaphore permits = new Semaphore(4);
		long begin = System.nanoTime();
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
							bytes.addAndGet(body.transferTo(java.io.OutputStream.nullOutputStream()));
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
		System.out.printf(java.util.Locale.ROOT, "{\"entities\":%d,\"bytes\":%d,\"ms\":%.1f}%n", ids.size(),
				bytes.get(), (System.nanoTime() - begin) / 1e6);
	}

	static void patterns(String bridgeUrl, String apiKey, int days) throws Exception {
		long begin = System.nanoTime();
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(URI.create(bridgeUrl + "/api/v1/ha/patterns?fresh=true&days=" + days))
					.header("Authorization", "Bearer " + apiKey)
					.timeout(Duration.ofMinutes(5))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		double ms = (System.nanoTime() - begin) / 1e6;
		String body = response.body();
		Matcher rows = Pattern.compile("\"rows\":(\\d+)").matcher(body);
		Matcher took = Pattern.compile("\"tookMs\":(\\d+)").matcher(body);
		int suggestions = body.split("\"yaml\"", -1).length - 1;
		System.out.printf(java.util.Locale.ROOT,
				"{\"status\":%d,\"ms\":%.1f,\"serverMs\":%s,\"rows\":%s,\"suggestions\":%d,\"bytes\":%d}%n",
				response.statusCode(), ms, took.find() ? took.group(1) : "null", rows.find() ? rows.group(1) : "null",
				suggestions, body.length());
	}

}
