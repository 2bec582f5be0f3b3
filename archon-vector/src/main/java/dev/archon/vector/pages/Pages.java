package dev.archon.vector.pages;

import java.sql.Timestamp;
import java.util.List;

import dev.archon.api.wire.vector.SourceSummary;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stored chunks, read page by page and source by source.
 */
@Repository
public class Pages {

	private final JdbcClient jdbc;

	Pages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * What each source holds.
	 * @return one summary per source, by name
	 */
	public List<SourceSummary> sources() {
		return this.jdbc.sql("""
				SELECT source, count(DISTINCT url) AS pages, count(*) AS chunks, max(created_at) AS last_ingested_at
				FROM site_pages
				GROUP BY source
				ORDER BY source
				""").query((rs, row) -> {
			Timestamp last = rs.getTimestamp("last_ingested_at");
			return new SourceSummary(rs.getString("source"), rs.getLong("pages"), rs.getLong("chunks"),
					(last != null) ? last.toInstant() : null);
		}).list();
	}

	/**
	 * The pages of a source.
	 * @param source the source
	 * @return its URLs, sorted
	 */
	public List<String> urls(String source) {
		return this.jdbc.sql("SELECT DISTINCT url FROM site_pages WHERE source = :source ORDER BY url")
			.param("source", source)
			.query(String.class)
			.list();
	}

	/**
	 * The chunks of a page in order.
	 * @param url the page
	 * @return its chunks' titles and texts, empty when the page is unknown
	 */
	public List<StoredChunk> chunks(String url) {
		return this.jdbc
			.sql("SELECT chunk_number, title, content FROM site_pages WHERE url = :url ORDER BY chunk_number")
			.param("url", url)
			.query((rs, row) -> new StoredChunk(rs.getInt(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	/**
	 * Forgets a source.
	 * @param source the source
	 * @return how many chunks were deleted
	 */
	public int deleteSource(String source) {
		return this.jdbc.sql("DELETE FROM site_pages WHERE source = :source").param("source", source).update();
	}

	/**
	 * One chunk as the page reader needs it.
	 *
	 * @param chunkNumber its place in the page
	 * @param title its title
	 * @param content its text
	 */
	public record StoredChunk(int chunkNumber, String title, String content) {

	}

}
