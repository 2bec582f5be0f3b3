package dev.archon.vector.pages;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.pgvector.PGvector;

import dev.archon.api.wire.vector.SourceSummary;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored chunks, read page by page and source by source.
 */
@Repository
public class Pages {

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	Pages(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
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
	 * Replaces a page's chunks in one transaction, so that readers see either all the old
	 * chunks or all the new ones, never a mix.
	 * @param source the source the page belongs to
	 * @param url the page
	 * @param chunks its new chunks, numbered from 0
	 */
	@Transactional
	public void replace(String source, String url, List<NewChunk> chunks) {
		this.jdbc.sql("DELETE FROM site_pages WHERE url = :url").param("url", url).update();
		this.jdbcTemplate.batchUpdate("""
				INSERT INTO site_pages (source, url, chunk_number, title, summary, content, metadata, embedding)
				VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?)
				""", chunks, chunks.size(), (statement, chunk) -> {
			statement.setString(1, source);
			statement.setString(2, url);
			statement.setInt(3, chunk.number());
			statement.setString(4, chunk.title());
			statement.setString(5, chunk.summary());
			statement.setString(6, chunk.content());
			statement.setString(7, chunk.metadataJson());
			statement.setObject(8, new PGvector(chunk.embedding()));
		});
	}

	/**
	 * How many chunks each source holds.
	 * @return chunks by source
	 */
	public Map<String, Long> chunksBySource() {
		Map<String, Long> counts = new HashMap<>();
		this.jdbc.sql("SELECT source, count(*) FROM site_pages GROUP BY source")
			.query((rs, row) -> counts.put(rs.getString(1), rs.getLong(2)))
			.list();
		return counts;
	}

	/**
	 * A chunk to store.
	 *
	 * @param number its place in the page
	 * @param title its title
	 * @param summary its summary
	 * @param content its text
	 * @param metadataJson its metadata as a JSON object
	 * @param embedding its vector
	 */
	public record NewChunk(int number, String title, String summary, String content, String metadataJson,
			float[] embedding) {

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
