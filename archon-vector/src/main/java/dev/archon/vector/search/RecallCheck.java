package dev.archon.vector.search;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import dev.archon.vector.VectorProperties;
import dev.archon.vector.index.IndexState;
import dev.archon.vector.index.Indexes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Now and then, a few stored vectors are searched both through the index (at the default
 * probes) and exactly; the share of the exact top 10 that the index finds is the
 * {@code archon.vector.search.recall} gauge, so that a drifting index shows before users
 * notice.
 */
@Component
class RecallCheck {

	private static final int SAMPLES = 5;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Indexes indexes;

	private final int efSearch;

	private final AtomicReference<Double> recall = new AtomicReference<>(Double.NaN);

	RecallCheck(JdbcClient jdbc, PlatformTransactionManager transactionManager, Indexes indexes,
			VectorProperties properties, MeterRegistry meterRegistry) {
		this.efSearch = properties.index().hnswEfSearch();
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setReadOnly(true);
		this.indexes = indexes;
		Gauge.builder("archon.vector.search.recall", this.recall, AtomicReference::get)
			.description("Recall@10 of index searches against exact search, on a sample")
			.register(meterRegistry);
	}

	@Scheduled(initialDelayString = "${archon.vector.search.recall-check-interval:5m}",
			fixedDelayString = "${archon.vector.search.recall-check-interval:5m}")
	void check() {
		IndexState index = this.indexes.current();
		if (index == null) {
			return;
		}
		List<String> samples = this.jdbc
			.sql("SELECT embedding::text FROM site_pages TABLESAMPLE SYSTEM (1) LIMIT " + SAMPLES)
			.query(String.class)
			.list();
		int found = 0;
		int total = 0;
		for (String vector : samples) {
			Set<Long> exact = new HashSet<>(top10(vector, index.operator(), "enable_indexscan", "off"));
			List<Long> approximate = "hnsw".equals(index.type())
					? top10(vector, index.operator(), "hnsw.ef_search", Integer.toString(this.efSearch))
					: top10(vector, index.operator(), "ivfflat.probes", Integer.toString(this.indexes.defaultProbes()));
			total += exact.size();
			found += (int) approximate.stream().filter(exact::contains).count();
		}
		if (total > 0) {
			this.recall.set((double) found / total);
		}
	}

	private List<Long> top10(String vector, String operator, String setting, String value) {
		List<Long> ids = this.transactions.execute((status) -> {
			this.jdbc.sql("SELECT set_config(:name, :value, true)")
				.param("name", setting)
				.param("value", value)
				.query(String.class)
				.single();
			return this.jdbc
				.sql("SELECT id FROM site_pages ORDER BY embedding " + operator + " CAST(:vector AS vector) LIMIT 10")
				.param("vector", vector)
				.query(Long.class)
				.list();
		});
		return (ids != null) ? ids : List.of();
	}

}
