package dev.archon.cluster.chaos;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scenario 8: slow clients and a flood. A thousand Server-Sent Events connections to the
 * bridges (500 per instance) that never read what they are sent must not starve the load;
 * then a burst beyond NGINX's rate limit must be refused with 429 problem+json, not left
 * to time out. The limit the repository ships (10,000 requests a second per key) is out
 * of a test's reach, so the burst runs against the same NGINX with its limit lowered for
 * the moment; the burst carries no key, so NGINX counts it apart from the load's.
 */
final class SlowClientsAndFlood implements Fault {

	private static final int IDLE_STREAMS = 1000;

	private static final int BURST = 600;

	private static final String BURST_RATE = "200r/s";

	private static final int BURST_ALLOWANCE = 50;

	private final HttpClient http;

	private final List<InputStream> streams = new CopyOnWriteArrayList<>();

	SlowClientsAndFlood(HttpClient http) {
		this.http = http;
	}

	@Override
	public String name() {
		return "slow-clients-and-flood";
	}

	@Override
	public void inject(Cluster cluster) {
		// The fault is the clients themselves: whileBroken opens them with the run's API.
	}

	@Override
	public void whileBroken(Cluster cluster, Api api, Duration outage, List<String> violations) throws Exception {
		openIdleStreams(api, violations);
		cluster.withNginxRateLimit(BURST_RATE, BURST_ALLOWANCE, () -> burst(api, violations));
	}

	@Override
	public void heal(Cluster cluster) throws IOException {
		for (InputStream stream : this.streams) {
			stream.close();
		}
		this.streams.clear();
	}

	private void openIdleStreams(Api api, List<String> violations) throws InterruptedException {
		HttpRequest request = api.request("/api/v1/ha/events")
			.header("Accept", "text/event-stream")
			.timeout(Duration.ofMinutes(30))
			.build();
		List<CompletableFuture<HttpResponse<InputStream>>> opening = new ArrayList<>();
		for (int i = 0; i < IDLE_STREAMS; i++) {
			opening.add(this.http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()));
		}
		AtomicInteger refused = new AtomicInteger();
		for (CompletableFuture<HttpResponse<InputStream>> future : opening) {
			try {
				HttpResponse<InputStream> response = future.get();
				this.streams.add(response.body());
				if (response.statusCode() != 200) {
					refused.incrementAndGet();
				}
			}
			catch (ExecutionException ex) {
				refused.incrementAndGet();
			}
		}
		if (refused.get() > 0) {
			violations.add(refused.get() + " of " + IDLE_STREAMS + " idle event streams were not opened");
		}
	}

	private void burst(Api api, List<String> violations) throws Exception {
		HttpRequest unkeyed = HttpRequest.newBuilder(Api.NGINX.resolve("/api/v1/ha/states"))
			.timeout(Duration.ofSeconds(10))
			.build();
		List<HttpResponse<String>> answers = new ArrayList<>();
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<HttpResponse<String>>> sent = new ArrayList<>();
			for (int i = 0; i < BURST; i++) {
				sent.add(executor.submit(() -> api.sendOnce(unkeyed)));
			}
			for (Future<HttpResponse<String>> answer : sent) {
				try {
					answers.add(answer.get());
				}
				catch (ExecutionException ex) {
					violations.add("a request of the burst got no answer: " + ex.getCause());
				}
			}
		}
		int limited = 0;
		for (HttpResponse<String> answer : answers) {
			if (answer.statusCode() == 429) {
				limited++;
				Refusals.check(answer, violations);
			}
			else if (answer.statusCode() != 401) {
				violations.add("a request of the burst answered " + answer.statusCode() + ": " + answer.body());
			}
		}
		System.out.printf("Chaos: a burst of %d requests at NGINX limited to %s: %d answered 429%n", BURST, BURST_RATE,
				limited);
		if (limited == 0) {
			violations.add("no request of a burst of " + BURST + " was refused with 429");
		}
	}

}
