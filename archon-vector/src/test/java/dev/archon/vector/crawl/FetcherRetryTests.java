package dev.archon.vector.crawl;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpHandler;
import io.github.resilience4j.retry.Retry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.archon.vector.crawl.Fetcher.FetchFailed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Retries of the fetcher against a site on loopback. The pauses are read from the retry's
 * events, not measured.
 */
class FetcherRetryTests {

	private static final String PAGE = "/docs/a.md";

	private final LocalSite site = new LocalSite();

	private final Retry retry = TestFetchers.retry();

	private final Queue<Duration> pauses = new ConcurrentLinkedQueue<>();

	private final Fetcher fetcher = TestFetchers.fetcher(TestFetchers.localhostAllowed(), this.retry);

	FetcherRetryTests() {
		this.retry.getEventPublisher().onRetry((event) -> this.pauses.add(event.getWaitInterval()));
	}

	@AfterEach
	void stopSite() {
		this.site.close();
	}

	@Test
	void retries503WithAJitteredPause() {
		this.site.on(PAGE, failingFirst(2, 503, null));
		assertThat(this.fetcher.fetch(url(PAGE)).body()).isEqualTo("# A");
		// The base pause, then twice it, each spread by half of itself.
		assertThat(this.pauses).hasSize(2);
		assertThat(List.copyOf(this.pauses).get(0)).isBetween(TestFetchers.BACKOFF.dividedBy(2),
				TestFetchers.BACKOFF.multipliedBy(3).dividedBy(2));
		assertThat(List.copyOf(this.pauses).get(1)).isBetween(TestFetchers.BACKOFF,
				TestFetchers.BACKOFF.multipliedBy(3));
	}

	@Test
	void waitsAsLongAs429sRetryAfterInSecondsAsks() {
		this.site.on(PAGE, failingFirst(1, 429, "1"));
		assertThat(this.fetcher.fetch(url(PAGE)).body()).isEqualTo("# A");
		assertThat(this.pauses).containsExactly(Duration.ofSeconds(1));
	}

	@Test
	void doesNotRetryWhenRetryAfterAsksForLongerThanTheCrawlerWaits() {
		this.site.on(PAGE, failingFirst(1, 503, "120"));
		assertThatExceptionOfType(FetchFailed.class).isThrownBy(() -> this.fetcher.fetch(url(PAGE)))
			.withMessageContaining("answered 503 asking to wait 120s");
		assertThat(this.pauses).isEmpty();
		assertThat(this.site.requested()).containsOnlyOnce(PAGE);
	}

	@Test
	void givesUpAfterTheConfiguredRetries() {
		this.site.on(PAGE, failingFirst(3, 503, null));
		assertThatExceptionOfType(FetchFailed.class).isThrownBy(() -> this.fetcher.fetch(url(PAGE)))
			.withMessageContaining("answered 503");
		assertThat(this.site.requested()).filteredOn(PAGE::equals).hasSize(3);
	}

	@Test
	void doesNotRetryA404() {
		assertThatExceptionOfType(FetchFailed.class).isThrownBy(() -> this.fetcher.fetch(url(PAGE)))
			.satisfies((failed) -> assertThat(failed.status()).isEqualTo(404));
		assertThat(this.pauses).isEmpty();
	}

	@Test
	void retriesWhenNothingListens() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		URI page = URI.create("http://localhost:" + closedPort + PAGE);
		assertThatExceptionOfType(UrlRefused.class).isThrownBy(() -> this.fetcher.fetch(page))
			.withMessageContaining("robots.txt");
		// robots.txt, tried three times, leaves the site closed for now.
		assertThat(this.pauses).hasSize(2);
	}

	/**
	 * Answers a status the first times, then a page.
	 */
	private static HttpHandler failingFirst(int times, int status, String retryAfter) {
		AtomicInteger calls = new AtomicInteger();
		return (exchange) -> {
			if (calls.getAndIncrement() < times) {
				if (retryAfter != null) {
					exchange.getResponseHeaders().add("Retry-After", retryAfter);
				}
				LocalSite.respond(exchange, status, "text/plain", new byte[0]);
			}
			else {
				LocalSite.respond(exchange, 200, "text/markdown", "# A".getBytes(StandardCharsets.UTF_8));
			}
		};
	}

	private URI url(String path) {
		return URI.create("http://localhost:" + this.site.port() + path);
	}

}
