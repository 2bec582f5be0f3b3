package dev.archon.api.wire.vector;

/**
 * A whole page, its chunks joined in order: {@code GET /api/v1/vector/pages/content}.
 *
 * @param url the page
 * @param title the title of its first chunk
 * @param content the chunks' text joined in order, cut at the configured cap
 * @param truncated whether the cap cut it
 */
public record PageContent(String url, String title, String content, boolean truncated) {

}
