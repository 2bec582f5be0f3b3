package dev.archon.vector.crawl;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Crawl jobs and their URLs in PostgreSQL, claimed by instances with a lease.
 */
@Repository
class Crawls {

	private final JdbcClient jdbc;

	Crawls(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional
	void create(UUID id, String source, @Nullable URI sitemap, @Nullable URI llmsTxt, List<URI> urls, int maxPages) {
		this.jdbc.sql("""
				INSERT INTO vector_crawls (id, source, sitemap_url, llms_txt_url, max_pages, discovered)
				VALUES (:id, :source, :sitemap, :llms, :max, :discovered)
				""")
			.param("id", id)
			.param("source", source)
			.param("sitemap", (sitemap != null) ? sitemap.toString() : null)
			.param("llms", (llmsTxt != null) ? llmsTxt.toString() : null)
			.param("max", maxPages)
			.param("discovered", !urls.isEmpty())
			.update();
		addUrls(id, urls);
	}

	void addUrls(UUID id, List<URI> urls) {
		for (int i = 0; i < urls.size(); i++) {
			this.jdbc.sql("""
					INSERT INTO vector_crawl_urls (crawl_id, url, position) VALUES (:id, :url, :position)
					ON CONFLICT DO NOTHING
					""").param("id", id).param("url", urls.get(i).toString()).param("position", i).update();
		}
	}

	/**
	 * Claims the oldest unfinished crawl that no live instance holds.
	 */
	Optional<Claimed> claim(String owner, Duration lease) {
		return this.jdbc.sql("""
				UPDATE vector_crawls
				SET status = 'running', lease_owner = :owner, lease_until = now() + make_interval(secs => :lease)
				WHERE id = (
					SELECT id FROM vector_crawls
					WHERE status IN ('queued', 'running') AND (lease_until IS NULL OR lease_until < now())
					ORDER BY created_at
					FOR UPDATE SKIP LOCKED
					LIMIT 1)
				RETURNING id, source, sitemap_url, llms_txt_url, max_pages, discovered
				""")
			.param("owner", owner)
			.param("lease", lease.toSeconds())
			.query((rs, row) -> new Claimed(rs.getObject("id", UUID.class), rs.getString("source"),
					uri(rs.getString("sitemap_url")), uri(rs.getString("llms_txt_url")), rs.getInt("max_pages"),
					rs.getBoolean("discovered")))
			.optional();
	}

	private static @Nullable URI uri(@Nullable String value) {
		return (value != null) ? URI.create(value) : null;
	}

	boolean renew(UUID id, String owner, Duration lease) {
		return this.jdbc.sql("""
				UPDATE vector_crawls SET lease_until = now() + make_interval(secs => :lease)
				WHERE id = :id AND lease_owner = :owner AND status = 'running'
				""").param("id", id).param("owner", owner).param("lease", lease.toSeconds()).update() == 1;
	}

	void discovered(UUID id) {
		this.jdbc.sql("UPDATE vector_crawls SET discovered = true WHERE id = :id").param("id", id).update();
	}

	List<URI> pending(UUID id) {
		return this.jdbc
			.sql("SELECT url FROM vector_crawl_urls WHERE crawl_id = :id AND status = 'pending' ORDER BY position")
			.param("id", id)
			.query((rs, row) -> URI.create(rs.getString(1)))
			.list();
	}

	void outcome(UUID id, URI url, String status, int attempts, @Nullable Integer chunks, @Nullable String detail) {
		this.jdbc.sql("""
				UPDATE vector_crawl_urls SET status = :status, attempts = attempts + :attempts, chunks = :chunks,
					detail = :detail
				WHERE crawl_id = :id AND url = :url
				""")
			.param("id", id)
			.param("url", url.toString())
			.param("status", status)
			.param("attempts", attempts)
			.param("chunks", chunks)
			.param("detail", detail)
			.update();
	}

	void finish(UUID id, String owner, String status, @Nullable String error) {
		this.jdbc.sql("""
				UPDATE vector_crawls SET status = :status, error = :error, finished_at = now(), lease_until = NULL
				WHERE id = :id AND lease_owner = :owner
				""").param("id", id).param("owner", owner).param("status", status).param("error", error).update();
	}

	Optional<CrawlStatus> status(UUID id) {
		// The crawl before its URLs: it reads as finished only once every URL's
		// outcome is written, so URLs read after it agree with it. Read the other way
		// round, a crawl that finished in between showed as done with URLs pending.
		Optional<CrawlStatus> crawl = this.jdbc
			.sql("SELECT id, source, status, error, created_at, finished_at FROM vector_crawls WHERE id = :id")
			.param("id", id)
			.query((rs, row) -> {
				Timestamp finished = rs.getTimestamp("finished_at");
				return new CrawlStatus(rs.getObject("id", UUID.class), rs.getString("source"), rs.getString("status"),
						rs.getString("error"), rs.getTimestamp("created_at").toInstant(),
						(finished != null) ? finished.toInstant() : null, List.of());
			})
			.optional();
		return crawl.map((status) -> new CrawlStatus(status.id(), status.source(), status.status(), status.error(),
				status.createdAt(), status.finishedAt(), urls(id)));
	}

	private List<CrawlStatus.UrlOutcome> urls(UUID id) {
		return this.jdbc.sql("""
				SELECT url, status, attempts, chunks, detail FROM vector_crawl_urls
				WHERE crawl_id = :id ORDER BY position, url
				""")
			.param("id", id)
			.query((rs, row) -> new CrawlStatus.UrlOutcome(rs.getString(1), rs.getString(2), rs.getInt(3),
					(Integer) rs.getObject(4), rs.getString(5)))
			.list();
	}

	record Claimed(UUID id, String source, @Nullable URI sitemap, @Nullable URI llmsTxt, int maxPages,
			boolean discovered) {

	}

}
