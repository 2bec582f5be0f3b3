package dev.archon.vector.search.web;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import dev.archon.api.wire.vector.SearchRequest;
import dev.archon.api.wire.vector.SearchResponse;
import dev.archon.vector.search.Search;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Semantic search, the agents' "retrieve relevant documentation" tool.
 */
@RestController
class SearchController {

	private final Search search;

	SearchController(Search search) {
		this.search = search;
	}

	/**
	 * Searches. {@code Cache-Control: no-cache} skips the result cache (the query's
	 * embedding may still come from its cache), as benchmarks and freshness-minded
	 * clients want.
	 */
	@PostMapping("/api/v1/vector/search")
	SearchResponse search(@Valid @RequestBody SearchRequest request,
			@RequestHeader(name = HttpHeaders.CACHE_CONTROL, required = false) @Nullable String cacheControl) {
		boolean useResultCache = cacheControl == null || !cacheControl.contains("no-cache");
		return this.search.search(request, useResultCache);
	}

}
