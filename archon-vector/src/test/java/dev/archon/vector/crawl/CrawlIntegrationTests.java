package dev.archon.vector.crawl;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.sun.net.httpserver.HttpServer;
import dev.archon.api.wire.vector.SearchRequest;
import dev.archon.test.UsesRealServices;
import dev.archon.test.secrets.TestSecrets;
import dev.archon.vector.VectorApplication;
import dev.archon.vector.crawl.CrawlStatus.UrlOutcome;
import dev.archon.vector.search.Search;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Crawls a local site (sitemap, llms.txt, robots.txt with a wildcard rule, a missing
 * page), refuses internal addresses that are not allowed, and finishes a crawl whose
 * instance died.
 */
@SpringBootTest(classes = VectorApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "archon.api.keys=" + TestSecrets.API_KEY, "management.server.port=0",
				"archon.vector.crawl.allowed-hosts=localhost", "archon.vector.crawl.retries=1",
				"archon.vector.crawl.lease=3s" })
@UsesRealServices
class CrawlIntegrationTests {

	private static final Queue<String> requested = new ConcurrentLinkedQueue<>();

	private static final HttpServer site = startSite();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Search search;

	@Autowired
	MeterRegistry meters;

	RestClient client;

	@BeforeEach
	void setUp() {
		this.client = RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestSecrets.API_KEY)
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
		this.jdbc.sql("DELETE FROM site_pages WHERE source LIKE 'crawl_%'").update();
	}

	@AfterAll
	static void stopSite() {
		site.stop(0);
	}

	private static String siteUrl(String path) {
		return "http://localhost:" + site.getAddress().getPort() + path;
	}

	@Test
	void crawlsASiteFromItsSitemap() {
		ResponseEntity<Map> accepted = post(Map.of("source", "crawl_sitemap", "sitemapUrl", siteUrl("/sitemap.xml")));
		assertThat(accepted.getStatusCode().value()).isEqualTo(202);
		String location = accepted.getHeaders().getLocation().toString();
		assertThat(location).startsWith("/api/v1/vector/crawls/");
		CrawlStatus status = awaitFinished(location);
		assertThat(status.status()).isEqualTo("done");
		assertThat(status.urls()).extracting(UrlOutcome::url, UrlOutcome::status)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(siteUrl("/docs/a.html"), "done"),
					org.assertj.core.groups.Tuple.tuple(siteUrl("/docs/b.html"), "done"),
					org.assertj.core.groups.Tuple.tuple(siteUrl("/private/secret.html"), "skipped"),
					org.assertj.core.groups.Tuple.tuple(siteUrl("/missing.html"), "failed"));
		var hits = this.search.search(new SearchRequest("quokkas on Rottnest Island", "crawl_sitemap", 1, null, null),
				false);
		assertThat(hits.results()).singleElement().satisfies((hit) -> {
			assertThat(hit.url()).isEqualTo(siteUrl("/docs/a.html"));
			assertThat(hit.content()).contains("Quokkas").doesNotContain("Navigation menu");
		});
		assertThat(this.meters.get("http.client.requests").tag("client.name", "localhost").timers())
			.extracting((timer) -> timer.getId().getTag("status"))
			.contains("200", "404");
	}

	@Test
	void crawlsTheLinksOfAnLlmsTxt() {
		ResponseEntity<Map> accepted = post(Map.of("source", "crawl_llms", "llmsTxtUrl", siteUrl("/llms.txt")));
		CrawlStatus status = awaitFinished(accepted.getHeaders().getLocation().toString());
		assertThat(status.urls()).extracting(UrlOutcome::url)
			.containsExactly(siteUrl("/docs/a.md"), siteUrl("/docs/c.md"));
		assertThat(status.urls()).allSatisfy((url) -> assertThat(url.status()).isEqualTo("done"));
	}

	@Test
	void skipsALinkedPdfThatRobotsTxtDisallowsWithoutFetchingIt() {
		ResponseEntity<Map> accepted = post(Map.of("source", "crawl_pdf", "llmsTxtUrl", siteUrl("/manuals/llms.txt")));
		CrawlStatus status = awaitFinished(accepted.getHeaders().getLocation().toString());
		assertThat(status.urls()).extracting(UrlOutcome::url, UrlOutcome::status)
			.containsExactly(tuple(siteUrl("/manuals/guide.pdf"), "skipped"), tuple(siteUrl("/docs/b.html"), "done"));
		assertThat(status.urls().get(0).detail()).contains("robots.txt");
		assertThat(requested).contains("/manuals/llms.txt", "/docs/b.html").doesNotContain("/manuals/guide.pdf");
	}

	@Test
	void refusesInternalAndNonHttpUrls() {
		for (String url : List.of("http://127.0.0.1:" + site.getAddress().getPort() + "/docs/a.html",
				"http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "file:///etc/passwd")) {
			ResponseEntity<Map> refused = post(Map.of("source", "crawl_refused", "urls", List.of(url)));
			assertThat(refused.getStatusCode().value()).as(url).isEqualTo(400);
			assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
		}
	}

	@Test
	void finishesACrawlWhoseInstanceDied() {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO vector_crawls (id, source, max_pages, status, discovered, lease_owner, lease_until)
				VALUES (:id, 'crawl_orphan', 10, 'running', true, 'dead-instance', now() - interval '1 minute')
				""").param("id", id).update();
		this.jdbc.sql("""
				INSERT INTO vector_crawl_urls (crawl_id, url, position, status, chunks)
				VALUES (:id, :done, 0, 'done', 1), (:id, :pending, 1, 'pending', NULL)
				""")
			.param("id", id)
			.param("done", siteUrl("/docs/a.html"))
			.param("pending", siteUrl("/docs/b.html"))
			.update();
		CrawlStatus status = awaitFinished("/api/v1/vector/crawls/" + id);
		assertThat(status.urls()).extracting(UrlOutcome::status).containsExactly("done", "done");
	}

	@SuppressWarnings("rawtypes")
	private ResponseEntity<Map> post(Map<String, Object> body) {
		return this.client.post()
			.uri("/api/v1/vector/crawls")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toEntity(Map.class);
	}

	private CrawlStatus awaitFinished(String location) {
		return await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(300))
			.until(() -> this.client.get().uri(location).retrieve().body(CrawlStatus.class), (status) -> status != null
					&& !status.status().equals("queued") && !status.status().equals("running"));
	}

	private static HttpServer startSite() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
			int port = server.getAddress().getPort();
			String base = "http://localhost:" + port;
			Map<String, String[]> pages = Map.of("/robots.txt",
					new String[] { "text/plain", "User-agent: *\nDisallow: /private\nDisallow: /*.pdf\n" },
					"/sitemap.xml", new String[] { "application/xml", """
							<?xml version="1.0" encoding="UTF-8"?>
							<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
							<url><loc>%1$s/docs/a.html</loc></url>
							<url><loc>%1$s/docs/b.html</loc></url>
							<url><loc>%1$s/private/secret.html</loc></url>
							<url><loc>%1$s/missing.html</loc></url>
							</urlset>
							""".formatted(base) }, "/llms.txt",
					new String[] { "text/plain",
							"# Animals\n\n> Notes on animals.\n\n- [A](/docs/a.md): quokkas\n- [C](/docs/c.md): wombats\n" },
					"/docs/a.html", new String[] { "text/html; charset=utf-8", """
							<html><head><title>Quokkas</title></head><body>
							<nav>Navigation menu</nav>
							<main><h1>Quokkas</h1><p>Quokkas live on Rottnest Island and smile at tourists.</p>
							<pre><code>print("quokka")</code></pre></main>
							</body></html>
							""" }, "/docs/b.html",
					new String[] { "text/html",
							"<html><body><h1>Numbats</h1><p>Numbats eat termites.</p></body></html>" },
					"/private/secret.html", new String[] { "text/html", "<p>secret</p>" }, "/docs/a.md",
					new String[] { "text/markdown", "# Quokkas\n\nQuokkas are small marsupials.\n" }, "/docs/c.md",
					new String[] { "text/markdown", "# Wombats\n\nWombats dig burrows.\n" }, "/manuals/llms.txt",
					new String[] { "text/plain",
							"# Manuals\n\n- [Guide](/manuals/guide.pdf): as PDF\n- [B](/docs/b.html): numbats\n" },
					"/manuals/guide.pdf", new String[] { "application/pdf", "%PDF-1.4 not for crawlers" });
			server.createContext("/", (exchange) -> {
				requested.add(exchange.getRequestURI().getPath());
				String[] page = pages.get(exchange.getRequestURI().getPath());
				byte[] body = (page != null) ? page[1].getBytes(StandardCharsets.UTF_8) : new byte[0];
				if (page != null) {
					exchange.getResponseHeaders().add("Content-Type", page[0]);
				}
				exchange.sendResponseHeaders((page != null) ? 200 : 404, (body.length > 0) ? body.length : -1);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
