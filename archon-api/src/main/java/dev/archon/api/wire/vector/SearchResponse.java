package dev.archon.api.wire.vector;

import java.util.List;

/**
 * The answer to a search.
 *
 * @param results the matching chunks, best first
 * @param tookMs how long the search took inside the service
 * @param cache {@code hit} when the results came from the result cache, else {@code miss}
 */
public record SearchResponse(List<SearchHit> results, long tookMs, String cache) {

}
