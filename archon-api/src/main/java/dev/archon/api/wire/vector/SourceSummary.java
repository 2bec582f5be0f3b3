package dev.archon.api.wire.vector;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What the store holds of one source: {@code GET /api/v1/vector/sources}.
 *
 * @param source the source's name
 * @param pages how many distinct pages
 * @param chunks how many chunks
 * @param lastIngestedAt when a chunk of it was last stored
 */
public record SourceSummary(String source, long pages, long chunks, @Nullable Instant lastIngestedAt) {

}
