package dev.archon.api.wire.vector;

import java.util.Map;

/**
 * One chunk that matched a search.
 *
 * @param url the page the chunk belongs to
 * @param chunkNumber its place in the page, from 0
 * @param title the chunk's title
 * @param summary the chunk's summary
 * @param content the chunk's text
 * @param source the source it was ingested into
 * @param metadata what was stored with it
 * @param score its cosine similarity to the query, from -1 to 1
 */
public record SearchHit(String url, int chunkNumber, String title, String summary, String content, String source,
		Map<String, Object> metadata, double score) {

}
