package dev.archon.api.wire.vector;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * archon-vector's API as an HTTP interface, for the services and tests that call it: a
 * proxy over a {@code RestClient} (one from {@link dev.archon.api.client.ServiceClients},
 * between services) made by
 * {@code HttpServiceProxyFactory.builderFor(RestClientAdapter.create(client))}. Errors
 * arrive as Spring's {@code RestClientResponseException}, whose body is the problem.
 */
@HttpExchange("/api/v1/vector")
public interface VectorApi {

	@PostExchange("/search")
	SearchResponse search(@RequestBody SearchRequest request);

	@GetExchange("/sources")
	List<SourceSummary> sources();

	@DeleteExchange("/sources/{source}")
	void deleteSource(@PathVariable String source);

	@GetExchange("/pages")
	List<String> pages(@RequestParam String source);

	@GetExchange("/pages/content")
	PageContent page(@RequestParam String url);

	@PostExchange("/documents")
	IngestResponse ingest(@RequestBody IngestRequest request);

	@PostExchange("/embed")
	EmbedResponse embed(@RequestBody EmbedRequest request);

	/**
	 * Accepts a crawl.
	 * @param request the crawl
	 * @return 202, with the crawl's status resource in {@code Location}
	 */
	@PostExchange("/crawls")
	ResponseEntity<CrawlProgress> crawl(@RequestBody CrawlRequest request);

	@GetExchange("/crawls/{id}")
	CrawlProgress crawl(@PathVariable UUID id);

	/**
	 * The ANN index that searches use, with its recall curve.
	 * @return the index, or none while searches scan exactly
	 */
	@GetExchange("/indexes")
	List<IndexSummary> indexes();

	/**
	 * Rebuilds the ANN index now.
	 * @param type {@code ivfflat} or {@code hnsw}, or the configured type
	 * @param opclass {@code ip} or {@code cosine}, or the configured operator class
	 * @return the index built
	 */
	@PostExchange("/reindex")
	IndexSummary reindex(@RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String opclass);

}
