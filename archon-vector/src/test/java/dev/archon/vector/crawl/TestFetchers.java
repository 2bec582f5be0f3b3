package dev.archon.vector.crawl;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.github.resilience4j.retry.Retry;

import org.springframework.util.unit.DataSize;
import org.springframework.web.client.RestClient;

/**
 * Fetchers and guards for tests against a {@link LocalSite}: only {@code localhost} is
 * allowed although it is loopback, and the pause between retries is short.
 */
final class TestFetchers {

	static final Duration BACKOFF = Duration.ofMillis(20);

	private TestFetchers() {
	}

	static Retry retry() {
		return FetchRetries.of(2, BACKOFF, Duration.ofSeconds(2));
	}

	static UrlGuard localhostAllowed() {
		return guard(InetAddress::getAllByName);
	}

	/**
	 * A guard that allows {@code localhost} and nothing else that is not public, and
	 * resolves names as it is told.
	 */
	static UrlGuard guard(UrlGuard.Resolver resolver) {
		return new UrlGuard(List.of("localhost"), noOwnAddresses(), resolver);
	}

	/**
	 * This host's own addresses as none, so that a public address that a test resolver
	 * gives passes whatever this machine's interfaces are.
	 */
	static OwnAddresses noOwnAddresses() {
		return new OwnAddresses(Set::of, Instant::now, Duration.ofMinutes(1));
	}

	static Fetcher fetcher(UrlGuard guard, Retry retry) {
		return fetcher(RestClient.builder(), guard, retry, DataSize.ofMegabytes(5));
	}

	static Fetcher fetcher(RestClient.Builder builder, UrlGuard guard, Retry retry, DataSize maxBodySize) {
		return new Fetcher(builder, guard, retry, Duration.ofSeconds(5), "ArchonBot/1.0", maxBodySize,
				Duration.ofHours(1));
	}

}
