package dev.archon.vector.crawl;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A name server that answers a public address when the guard first asks and loopback
 * afterwards must not lead the crawler to loopback: the connection goes to the addresses
 * checked in the lookup that it uses. The public address is never connected to; the site
 * listens on loopback.
 */
class DnsRebindingTests {

	private static final String NAME = "docs.example.test";

	private final LocalSite site = new LocalSite().page("/a.md", "text/markdown",
			"# A".getBytes(StandardCharsets.UTF_8));

	private final AtomicInteger lookups = new AtomicInteger();

	@AfterEach
	void stopSite() {
		this.site.close();
	}

	@Test
	void refusesToConnectWhenTheNameRebindsToLoopbackAfterTheCheck() {
		// given
		Fetcher fetcher = TestFetchers.fetcher(TestFetchers.guard((host) -> {
			String address = (this.lookups.getAndIncrement() == 0) ? "93.184.215.14" : "127.0.0.1";
			return new InetAddress[] { InetAddress.getByName(address) };
		}), TestFetchers.retry());
		// when, then
		assertThatExceptionOfType(UrlRefused.class).isThrownBy(() -> fetcher.fetch(page()))
			.withMessage(NAME + ":" + this.site.port() + " is refused: its host " + NAME
					+ " does not resolve to public addresses only (allow it with archon.vector.crawl.allowed-hosts)");
		assertThat(this.lookups).hasValue(2);
		assertThat(this.site.requested()).isEmpty();
	}

	@Test
	void connectsToTheAddressTheGuardResolvedWithTheNameInTheHostHeader() {
		// given: the name is allowed, and only this resolver knows it
		UrlGuard guard = new UrlGuard(List.of(NAME), TestFetchers.noOwnAddresses(), (host) -> {
			if (!host.equals(NAME)) {
				throw new UnknownHostException(host);
			}
			return new InetAddress[] { InetAddress.getLoopbackAddress() };
		});
		Fetcher fetcher = TestFetchers.fetcher(guard, TestFetchers.retry());
		// when
		String body = fetcher.fetch(page()).body();
		// then
		assertThat(body).isEqualTo("# A");
		assertThat(this.site.hostHeaders()).containsOnly(NAME + ":" + this.site.port());
	}

	private URI page() {
		return URI.create("http://" + NAME + ":" + this.site.port() + "/a.md");
	}

}
