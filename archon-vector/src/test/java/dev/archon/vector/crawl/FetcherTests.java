package dev.archon.vector.crawl;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.archon.vector.crawl.Fetcher.FetchFailed;

import org.springframework.util.unit.DataSize;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The fetcher against a site on loopback, which only {@code localhost} may reach.
 */
class FetcherTests {

	private final LocalSite site = new LocalSite();

	private final Fetcher fetcher = TestFetchers.fetcher(TestFetchers.localhostAllowed(), TestFetchers.retry());

	@AfterEach
	void stopSite() {
		this.site.close();
	}

	@Test
	void recordsHttpClientRequestsThroughTheBuilderItIsGiven() {
		// given
		MeterRegistry meters = new SimpleMeterRegistry();
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
		Fetcher fetcher = TestFetchers.fetcher(RestClient.builder().observationRegistry(observations),
				TestFetchers.localhostAllowed(), TestFetchers.retry(), DataSize.ofMegabytes(1));
		this.site.page("/a.md", "text/markdown", "# A".getBytes(StandardCharsets.UTF_8));
		// when
		fetcher.fetch(url("/a.md"));
		// then: robots.txt (404) and the page
		assertThat(meters.get("http.client.requests").tag("client.name", "localhost").timers())
			.extracting((timer) -> timer.getId().getTag("status"))
			.containsExactlyInAnyOrder("404", "200");
	}

	@Test
	void skipsWhatRobotsTxtDisallowsWithWildcardsAndEndAnchorsWithoutFetchingIt() {
		// given
		this.site.page("/robots.txt", "text/plain",
				"User-agent: *\nDisallow: /*.pdf\nDisallow: /*.php$\n".getBytes(StandardCharsets.UTF_8));
		for (String path : new String[] { "/docs/manual.pdf", "/index.php", "/docs/a.html" }) {
			this.site.page(path, "text/html", "<p>page</p>".getBytes(StandardCharsets.UTF_8));
		}
		// when, then
		assertThatExceptionOfType(UrlRefused.class).isThrownBy(() -> this.fetcher.fetch(url("/docs/manual.pdf")))
			.withMessageContaining("robots.txt");
		assertThatExceptionOfType(UrlRefused.class).isThrownBy(() -> this.fetcher.fetch(url("/index.php")));
		assertThat(this.fetcher.fetch(url("/index.php?page=2")).body()).isEqualTo("<p>page</p>");
		assertThat(this.fetcher.fetch(url("/docs/a.html")).body()).isEqualTo("<p>page</p>");
		assertThat(this.site.requested()).containsExactly("/robots.txt", "/index.php?page=2", "/docs/a.html");
	}

	@Test
	void refusesABodyLargerThanTheCapWhetherOrNotItsLengthIsDeclared() {
		// given
		Fetcher fetcher = TestFetchers.fetcher(RestClient.builder(), TestFetchers.localhostAllowed(),
				TestFetchers.retry(), DataSize.ofKilobytes(1));
		byte[] kilobyte = "x".repeat(1024).getBytes(StandardCharsets.UTF_8);
		byte[] more = "x".repeat(1025).getBytes(StandardCharsets.UTF_8);
		this.site.page("/exact.txt", "text/plain", kilobyte)
			.page("/declared.txt", "text/plain", more)
			.on("/chunked.txt", (exchange) -> {
				exchange.getResponseHeaders().add("Content-Type", "text/plain");
				// 0: no Content-Length, the body is sent in chunks.
				exchange.sendResponseHeaders(200, 0);
				exchange.getResponseBody().write(more);
				exchange.close();
			});
		// when, then
		assertThat(fetcher.fetch(url("/exact.txt")).body()).hasSize(1024);
		for (String path : new String[] { "/declared.txt", "/chunked.txt" }) {
			assertThatExceptionOfType(FetchFailed.class).as(path)
				.isThrownBy(() -> fetcher.fetch(url(path)))
				.withMessageEndingWith("is larger than 1024B")
				.satisfies((failed) -> assertThat(failed.retryable()).isFalse());
		}
		assertThat(this.site.requested()).containsOnlyOnce("/declared.txt", "/chunked.txt");
	}

	@Test
	void dropsTheConnectionOfABodyBeyondTheCapRatherThanReadingItToItsEnd() {
		// given: a body of 256 MB, sent until the crawler hangs up
		Fetcher fetcher = TestFetchers.fetcher(RestClient.builder(), TestFetchers.localhostAllowed(),
				TestFetchers.retry(), DataSize.ofKilobytes(1));
		AtomicBoolean hungUp = new AtomicBoolean();
		this.site.on("/endless.txt", (exchange) -> {
			exchange.sendResponseHeaders(200, 0);
			byte[] chunk = new byte[64 * 1024];
			try (OutputStream body = exchange.getResponseBody()) {
				for (int i = 0; i < 4096; i++) {
					body.write(chunk);
				}
			}
			catch (IOException ex) {
				hungUp.set(true);
			}
		});
		// when
		assertThatExceptionOfType(FetchFailed.class).isThrownBy(() -> fetcher.fetch(url("/endless.txt")));
		// then
		await().atMost(Duration.ofSeconds(30)).untilTrue(hungUp);
	}

	@Test
	void decodesAnIso88591PageByItsContentTypeAndAnotherByItsMetaCharset() {
		String text = "<html><head>%s</head><body><p>Café crème à la française</p></body></html>";
		this.site
			.page("/header.html", "text/html; charset=ISO-8859-1",
					text.formatted("").getBytes(StandardCharsets.ISO_8859_1))
			.page("/meta.html", "text/html",
					text.formatted("<meta charset=\"ISO-8859-1\">").getBytes(StandardCharsets.ISO_8859_1));
		assertThat(this.fetcher.fetch(url("/header.html")).body()).contains("Café crème à la française");
		assertThat(this.fetcher.fetch(url("/meta.html")).body()).contains("Café crème à la française");
	}

	@Test
	void decodesAUtf8PageByItsContentType() {
		this.site.page("/utf8.html", "text/html; charset=utf-8",
				"<p>Grüße aus 東京</p>".getBytes(StandardCharsets.UTF_8));
		assertThat(this.fetcher.fetch(url("/utf8.html")).body()).isEqualTo("<p>Grüße aus 東京</p>");
	}

	@Test
	void checksEveryRedirectHop() {
		// given: a redirect to this site under its loopback address, which is not allowed
		this.site.on("/moved", (exchange) -> {
			exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + this.site.port() + "/secret");
			exchange.sendResponseHeaders(302, -1);
			exchange.close();
		});
		// when, then
		assertThatExceptionOfType(UrlRefused.class).isThrownBy(() -> this.fetcher.fetch(url("/moved")))
			.withMessageStartingWith("http://127.0.0.1:" + this.site.port() + "/secret is refused");
		assertThat(this.site.requested()).containsExactly("/robots.txt", "/moved");
	}

	private URI url(String path) {
		return URI.create("http://localhost:" + this.site.port() + path);
	}

}
