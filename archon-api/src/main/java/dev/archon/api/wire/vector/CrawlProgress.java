package dev.archon.api.wire.vector;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Where a crawl stands, with the outcome of each URL: the body of {@code GET
 * /api/v1/vector/crawls/{id}} and of the 202 that accepts a crawl.
 *
 * @param id the crawl
 * @param source the source it ingests into
 * @param status {@code queued}, {@code running}, {@code done} or {@code failed}
 * @param error why it failed, if it did
 * @param createdAt when it was asked for
 * @param finishedAt when it finished
 * @param urls each URL's outcome, in discovery order
 */
public record CrawlProgress(UUID id, String source, String status, @Nullable String error, Instant createdAt,
		@Nullable Instant finishedAt, List<UrlOutcome> urls) {

	/**
	 * One URL of a crawl.
	 *
	 * @param url the URL
	 * @param status {@code pending}, {@code done}, {@code failed} or {@code skipped}
	 * @param attempts how often it was tried
	 * @param chunks how many chunks it gave
	 * @param detail why it failed or was skipped
	 */
	public record UrlOutcome(String url, String status, int attempts, @Nullable Integer chunks,
			@Nullable String detail) {

	}

}
