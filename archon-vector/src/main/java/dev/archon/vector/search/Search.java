package dev.archon.vector.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.pgvector.PGvector;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.archon.api.wire.vector.SearchHit;
import dev.archon.api.wire.vector.SearchRequest;
import dev.archon.api.wire.vector.SearchResponse;
import dev.archon.vector.VectorProperties;
import dev.archon.vector.embed.QueryEmbeddings;
import dev.archon.vector.index.IndexState;
import dev.archon.vector.index.Indexes;
import dev.archon.vector.pages.Corpus;
import dev.archon.vector.pages.Pages;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Semantic search. The distance operator is in {@code ORDER BY … LIMIT}, the only shape
 * in which PostgreSQL uses the ANN index; the index's knobs are set with
 * {@code set_config(…, true)} (that is {@code SET LOCAL}, which cannot take a bind
 * parameter) inside the query's own transaction, so they end with it and never reach the
 * next user of the pooled connection. A search filtered to a source that is a small part
 * of the table either scans that source exactly (when it is small in absolute terms) or
 * lets pgvector 0.8 continue its index scan until enough rows pass the filter (iterative
 * scans); without that, an index scan would find too few rows of the source among its
 * probes.
 */
@Service
public class Search {

	private static final TypeReference<Map<String, Object>> METADATA = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final QueryEmbeddings embeddings;

	private final Indexes indexes;

	private final Corpus corpus;

	private final Pages pages;

	private final JsonMapper json;

	private final VectorProperties.Search settings;

	private final VectorProperties.Index indexSettings;

	private final Cache<ResultKey, List<SearchHit>> results;

	private volatile Map<String, Long> chunksBySource = Map.of();

	// Registered once: looking a meter up by its tags on every search showed in profiles.
	private final Timer cachedTimer;

	private final Timer indexTimer;

	private final Timer exactTimer;

	private final Counter resultHits;

	private final Counter resultMisses;

	Search(JdbcClient jdbc, PlatformTransactionManager transactionManager, QueryEmbeddings embeddings, Indexes indexes,
			Corpus corpus, Pages pages, JsonMapper json, VectorProperties properties, MeterRegistry meterRegistry) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setReadOnly(true);
		this.embeddings = embeddings;
		this.indexes = indexes;
		this.corpus = corpus;
		this.pages = pages;
		this.json = json;
		this.settings = properties.search();
		this.indexSettings = properties.index();
		this.results = Caffeine.newBuilder()
			.maximumSize(this.settings.resultCacheSize())
			.expireAfterWrite(this.settings.resultCacheTtl())
			.build();
		this.cachedTimer = timer(meterRegistry, "hit", "cache");
		this.indexTimer = timer(meterRegistry, "miss", "index");
		this.exactTimer = timer(meterRegistry, "miss", "exact");
		this.resultHits = counter(meterRegistry, "hit");
		this.resultMisses = counter(meterRegistry, "miss");
	}

	private static Timer timer(MeterRegistry registry, String cache, String path) {
		return Timer.builder("archon.vector.search")
			.description("Searches, from request to results")
			.tag("cache", cache)
			.tag("path", path)
			.register(registry);
	}

	private static Counter counter(MeterRegistry registry, String outcome) {
		return Counter.builder("archon.vector.cache")
			.description("Cache lookups by cache, layer and outcome")
			.tag("cache", "result")
			.tag("layer", "local")
			.tag("outcome", outcome)
			.register(registry);
	}

	/**
	 * Finds the chunks nearest to a query.
	 * @param request the query and its filters
	 * @param useResultCache whether results of an identical recent search may be reused
	 * @return the hits, best first
	 */
	public SearchResponse search(SearchRequest request, boolean useResultCache) {
		long started = System.nanoTime();
		ResultKey key = new ResultKey(request.query().strip(), request.source(), request.limitOrDefault(),
				request.minScore(), request.probes(), this.corpus.version());
		List<SearchHit> cached = useResultCache ? this.results.getIfPresent(key) : null;
		if (cached != null) {
			this.resultHits.increment();
			return respond(cached, "hit", this.cachedTimer, started);
		}
		this.resultMisses.increment();
		float[] vector = this.embeddings.embed(request.query());
		Plan plan = plan(request);
		List<SearchHit> hits = query(vector, request, plan);
		if (useResultCache) {
			this.results.put(key, hits);
		}
		return respond(hits, "miss", plan.path().equals("index") ? this.indexTimer : this.exactTimer, started);
	}

	private SearchResponse respond(List<SearchHit> hits, String cache, Timer timer, long started) {
		long nanos = System.nanoTime() - started;
		timer.record(nanos, TimeUnit.NANOSECONDS);
		return new SearchResponse(hits, TimeUnit.NANOSECONDS.toMillis(nanos), cache);
	}

	Plan plan(SearchRequest request) {
		IndexState index = this.indexes.current();
		if (index == null) {
			return new Plan("exact", null, 0);
		}
		if (request.source() != null
				&& this.chunksBySource.getOrDefault(request.source(), 0L) < this.settings.exactBelowRows()) {
			return new Plan("exact", index, 0);
		}
		int setting = index.searchSetting(this.indexSettings);
		if (index.hnsw()) {
			// HNSW returns at most ef_search rows.
			return new Plan("index", index, Math.max(setting, request.limitOrDefault()));
		}
		int probes = (request.probes() != null) ? Math.min(request.probes(), Math.max(index.lists(), 1)) : setting;
		return new Plan("index", index, probes);
	}

	private List<SearchHit> query(float[] vector, SearchRequest request, Plan plan) {
		String where = (request.source() != null) ? "WHERE source = :source" : "";
		IndexState.Opclass opclass = opclass(plan);
		String sql = """
				SELECT url, chunk_number, title, summary, content, source, metadata::text AS metadata,
					%s AS score
				FROM site_pages
				%s
				ORDER BY embedding %s :query
				LIMIT :limit
				""".formatted(opclass.similarity(":query"), where, opclass.operator());
		List<SearchHit> hits = this.transactions.execute((status) -> {
			configure(plan, request.source() != null);
			JdbcClient.StatementSpec statement = this.jdbc.sql(sql)
				.param("query", new PGvector(vector))
				.param("limit", request.limitOrDefault());
			if (request.source() != null) {
				statement = statement.param("source", request.source());
			}
			return statement
				.query((rs, row) -> new SearchHit(rs.getString("url"), rs.getInt("chunk_number"), rs.getString("title"),
						rs.getString("summary"), rs.getString("content"), rs.getString("source"),
						this.json.readValue(rs.getString("metadata"), METADATA), rs.getDouble("score")))
				.list();
		});
		List<SearchHit> filtered = new ArrayList<>();
		for (SearchHit hit : (hits != null) ? hits : List.<SearchHit>of()) {
			if (request.minScore() == null || hit.score() >= request.minScore()) {
				filtered.add(hit);
			}
		}
		// Iterative scans in relaxed order may return rows slightly out of order.
		filtered.sort(Comparator.comparingDouble(SearchHit::score).reversed());
		return filtered;
	}

	// The index's own operator, so that PostgreSQL can use it; without an index any
	// operator scans alike.
	private static IndexState.Opclass opclass(Plan plan) {
		return (plan.index() != null) ? IndexState.Opclass.of(plan.index().opclass()) : IndexState.Opclass.COSINE;
	}

	/**
	 * Sets, for the current transaction only, how PostgreSQL searches along a plan.
	 * @param plan the plan
	 * @param filtered whether the search filters by source
	 */
	void configure(Plan plan, boolean filtered) {
		if (plan.index() == null) {
			return;
		}
		if (plan.path().equals("exact")) {
			// A generic plan that the pooled connection cached for the same statement on
			// the index path would not heed enable_indexscan: plan this search afresh.
			setLocal(Map.of("enable_indexscan", "off", "plan_cache_mode", "force_custom_plan"));
			return;
		}
		String setting = Integer.toString(plan.setting());
		setLocal(filtered
				? Map.of(plan.index().parameter(), setting,
						plan.index().hnsw() ? "hnsw.iterative_scan" : "ivfflat.iterative_scan", "relaxed_order")
				: Map.of(plan.index().parameter(), setting));
	}

	// All settings in one statement: one round trip to the database, not one each.
	private void setLocal(Map<String, String> settings) {
		List<String> calls = new ArrayList<>();
		Map<String, Object> parameters = new HashMap<>();
		settings.forEach((name, value) -> {
			int n = calls.size();
			calls.add("set_config(:name" + n + ", :value" + n + ", true)");
			parameters.put("name" + n, name);
			parameters.put("value" + n, value);
		});
		this.jdbc.sql("SELECT " + String.join(", ", calls)).params(parameters).query().listOfRows();
	}

	/**
	 * The EXPLAIN of a search as it would run now, for tests and operators.
	 * @param request the search
	 * @return the plan's lines
	 */
	public List<String> explain(SearchRequest request) {
		float[] vector = this.embeddings.embed(request.query());
		Plan plan = plan(request);
		String where = (request.source() != null) ? "WHERE source = :source" : "";
		List<String> lines = this.transactions.execute((status) -> {
			configure(plan, request.source() != null);
			JdbcClient.StatementSpec statement = this.jdbc
				.sql("EXPLAIN SELECT url FROM site_pages " + where + " ORDER BY embedding " + opclass(plan).operator()
						+ " :query LIMIT :limit")
				.param("query", new PGvector(vector))
				.param("limit", request.limitOrDefault());
			if (request.source() != null) {
				statement = statement.param("source", request.source());
			}
			return statement.query(String.class).list();
		});
		return (lines != null) ? lines : List.of();
	}

	@Scheduled(initialDelay = 0, fixedDelay = 30_000)
	void refreshSourceSizes() {
		this.chunksBySource = Map.copyOf(this.pages.chunksBySource());
	}

	/**
	 * How a search runs.
	 *
	 * @param path {@code index} or {@code exact}
	 * @param index the index, if there is one
	 * @param setting the index's probes (ivfflat) or ef_search (HNSW) on the index path
	 */
	record Plan(String path, @Nullable IndexState index, int setting) {

	}

	record ResultKey(String query, @Nullable String source, int limit, @Nullable Double minScore,
			@Nullable Integer probes, long corpusVersion) {

	}

}
