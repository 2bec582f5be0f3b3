package dev.archon.vector;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the documentation store.
 *
 * @param embedding which model turns text into vectors, and how hard it may work
 * @param chunking how documents are cut into chunks
 * @param search defaults and caches of semantic search
 * @param index how the approximate-nearest-neighbour index is built
 * @param ingest limits of direct ingestion
 * @param crawl limits and safety of crawling
 * @param summaries the LLM that titles and summarizes chunks, if any
 */
@Validated
@ConfigurationProperties("archon.vector")
public record VectorProperties(@DefaultValue @Valid Embedding embedding, @DefaultValue @Valid Chunking chunking,
		@DefaultValue @Valid Search search, @DefaultValue @Valid Index index, @DefaultValue @Valid Ingest ingest,
		@DefaultValue @Valid Crawl crawl, @DefaultValue @Valid Summaries summaries) {

	/**
	 * The embedding model.
	 *
	 * @param provider {@code onnx} for the in-process all-MiniLM-L6-v2 (quantized, 384
	 * dimensions, no network) or {@code openai} for an OpenAI-compatible
	 * {@code /v1/embeddings} endpoint (OpenAI, Ollama)
	 * @param dimension the vectors' dimension; fixes the column's type when the schema is
	 * first created, and must match the model's for the service to start
	 * @param threads intra-op threads of the ONNX runtime for one model call (one text)
	 * @param concurrency how many model calls may run at once in this instance; with
	 * {@code threads} it bounds the cores that embedding takes
	 * @param openai the remote endpoint, when the provider is {@code openai}
	 * @param localCacheSize how many query embeddings each instance keeps in memory
	 * @param redisTtl how long query embeddings stay in Redis
	 */
	public record Embedding(@DefaultValue("onnx") @NotBlank String provider, @DefaultValue("384") @Min(1) int dimension,
			@DefaultValue("1") @Min(1) int threads, @DefaultValue("2") @Min(1) int concurrency,
			@DefaultValue @Valid OpenAi openai, @DefaultValue("10000") @Min(0) long localCacheSize,
			@DefaultValue("7d") Duration redisTtl) {

	}

	/**
	 * An OpenAI-compatible embedding endpoint.
	 *
	 * @param baseUrl where {@code /v1/embeddings} lives, such as
	 * {@code https://api.openai.com} or {@code http://localhost:11434}
	 * @param apiKey the bearer token, if the endpoint wants one
	 * @param model the model's name
	 * @param timeout how long one call may take
	 * @param batchSize how many texts go into one request
	 */
	public record OpenAi(@DefaultValue("https://api.openai.com") URI baseUrl, @Nullable String apiKey,
			@DefaultValue("text-embedding-3-small") String model, @DefaultValue("30s") Duration timeout,
			@DefaultValue("64") @Min(1) @Max(2048) int batchSize) {

	}

	/**
	 * Chunking of Markdown.
	 *
	 * @param targetSize the size a chunk aims at, in characters
	 * @param overlap how many characters of the previous chunk's end a chunk repeats
	 * @param maxFence a fenced code block longer than this is split at line boundaries
	 * after all, so that no chunk grows without bound
	 */
	public record Chunking(@DefaultValue("1500") @Min(200) int targetSize, @DefaultValue("150") @Min(0) int overlap,
			@DefaultValue("6000") @Min(200) int maxFence) {

	}

	/**
	 * Search.
	 *
	 * @param resultCacheTtl how long a search's results are reused for the same query,
	 * filters and corpus version
	 * @param resultCacheSize how many result lists each instance keeps
	 * @param maxPageCharacters the cap of a page's content
	 * @param exactBelowRows below this many rows of a source, the filtered search scans
	 * that source exactly rather than the index
	 */
	public record Search(@DefaultValue("30s") Duration resultCacheTtl, @DefaultValue("5000") long resultCacheSize,
			@DefaultValue("20000") @Min(100) int maxPageCharacters, @DefaultValue("20000") long exactBelowRows) {

	}

	/**
	 * The approximate-nearest-neighbour index.
	 *
	 * @param type {@code ivfflat} or {@code hnsw}
	 * @param minRows no index below this many rows: its centroids would be useless, and
	 * an exact scan is fast enough
	 * @param growthFactor the index is rebuilt when the table holds this many times the
	 * rows it had at the last build
	 * @param checkInterval how often an instance looks whether to build or rebuild
	 * @param lists ivfflat lists; 0 sizes them to the rows (rows/1000 up to a million,
	 * √rows above)
	 * @param probes ivfflat probes of searches that do not choose their own; 0 (the
	 * default) for the fewest whose measured recall reaches {@code targetRecall} (√lists
	 * until the recall curve is measured)
	 * @param hnswM HNSW's connections per node
	 * @param hnswEfConstruction HNSW's build-time candidate list
	 * @param hnswEfSearch HNSW's query-time candidate list; 0 (the default) for the
	 * smallest whose measured recall reaches {@code targetRecall} (pgvector's 40 until
	 * the recall curve is measured)
	 * @param targetRecall the recall@10 against exact search that searches should reach:
	 * the recall curve, measured on each new index and then every
	 * {@code archon.vector.search.recall-check-interval}, picks the cheapest probes or
	 * ef_search that reaches it
	 * @param recallSamples how many stored vectors, each searched exactly once and
	 * through the index at every setting, measure the recall curve
	 * @param opclass {@code ip} ({@code vector_ip_ops}, the default) or {@code cosine}
	 * ({@code vector_cosine_ops}): the same order for the normalized vectors stored here,
	 * and {@code ./archon bench vector} measures which is faster
	 * @param buildMemory {@code maintenance_work_mem} of the session that builds the
	 * index
	 * @param buildWorkers {@code max_parallel_maintenance_workers} of that session
	 */
	public record Index(@DefaultValue("ivfflat") @Pattern(regexp = "ivfflat|hnsw") String type,
			@DefaultValue("10000") @Min(1) long minRows, @DefaultValue("4") @Min(2) int growthFactor,
			@DefaultValue("60s") Duration checkInterval, @DefaultValue("0") @Min(0) int lists,
			@DefaultValue("0") @Min(0) int probes, @DefaultValue("16") int hnswM,
			@DefaultValue("64") int hnswEfConstruction, @DefaultValue("0") @Min(0) @Max(1000) int hnswEfSearch,
			@DefaultValue("0.98") @DecimalMin("0.0") @DecimalMax("1.0") double targetRecall,
			@DefaultValue("50") @Min(1) int recallSamples,
			@DefaultValue("ip") @Pattern(regexp = "ip|cosine") String opclass,
			@DefaultValue("1GB") @Pattern(regexp = "[0-9]+(kB|MB|GB)") String buildMemory,
			@DefaultValue("2") @Min(0) int buildWorkers) {

	}

	/**
	 * Direct ingestion.
	 *
	 * @param maxDocuments how many documents one request may carry
	 * @param maxDocumentCharacters how long one document may be
	 */
	public record Ingest(@DefaultValue("2000") @Min(1) int maxDocuments,
			@DefaultValue("2000000") @Min(1) int maxDocumentCharacters) {

	}

	/**
	 * Crawling.
	 *
	 * @param allowedHosts hosts that may be fetched although they resolve to loopback,
	 * link-local or private addresses (as {@code host} or {@code host:port})
	 * @param concurrency how many pages one instance fetches at once
	 * @param maxPages the most pages one crawl fetches unless it asks for fewer
	 * @param timeout how long one fetch may take
	 * @param retries how often a transient failure is retried
	 * @param lease how long a claimed crawl stays with its instance without renewal
	 * @param userAgent what the crawler calls itself; its product token (the leading
	 * name, without version) picks its group in robots.txt
	 * @param robotsTtl how long a site's robots.txt, or the failure to read it, is relied
	 * on before it is fetched again
	 * @param maxBodySize a page (or sitemap, llms.txt, robots.txt) larger than this is
	 * refused rather than cut
	 * @param retryBackoff the pause before the first retry, doubled for each further one
	 * and spread by half of itself at random
	 * @param maxRetryAfter the longest pause a server may ask for with
	 * {@code Retry-After}; a server asking for longer is not asked again
	 */
	public record Crawl(@DefaultValue List<String> allowedHosts, @DefaultValue("4") @Min(1) int concurrency,
			@DefaultValue("500") @Min(1) int maxPages, @DefaultValue("15s") @NotNull Duration timeout,
			@DefaultValue("2") @Min(0) int retries, @DefaultValue("30s") Duration lease,
			@DefaultValue("ArchonBot") String userAgent, @DefaultValue("1h") @NotNull Duration robotsTtl,
			@DefaultValue("5MB") @NotNull DataSize maxBodySize, @DefaultValue("500ms") @NotNull Duration retryBackoff,
			@DefaultValue("30s") @NotNull Duration maxRetryAfter) {

	}

	/**
	 * Titles and summaries of chunks by an LLM. Without a base URL, the chunker's heading
	 * and first sentences are the title and summary.
	 *
	 * @param baseUrl an OpenAI-compatible API with {@code /chat/completions} under it,
	 * such as {@code https://api.openai.com/v1} or {@code http://localhost:11434/v1};
	 * blank for none (env {@code ARCHON_VECTOR_SUMMARIES_BASE_URL})
	 * @param apiKey its bearer token, from the environment:
	 * {@code ARCHON_VECTOR_SUMMARIES_API_KEY}
	 * @param model the chat model's name
	 * @param concurrency how many chunks one instance asks about at once
	 * @param timeout how long one call may take before the chunk falls back to the
	 * heuristic
	 * @param maxRetries retries of a failed call
	 * @param maxCharacters how much of a chunk goes into the prompt
	 */
	public record Summaries(@DefaultValue("") String baseUrl, @Nullable String apiKey,
			@DefaultValue("gpt-4o-mini") @NotBlank String model, @DefaultValue("4") @Min(1) int concurrency,
			@DefaultValue("30s") Duration timeout, @DefaultValue("1") @Min(0) int maxRetries,
			@DefaultValue("6000") @Min(100) int maxCharacters) {

	}

}
