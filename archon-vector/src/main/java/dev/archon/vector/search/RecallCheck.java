package dev.archon.vector.search;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

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

	private final Search search;

	private final AtomicReference<Double> recall = new AtomicReference<>(Double.NaN);

	RecallCheck(JdbcClient jdbc, PlatformTransactionManager transactionManager, Indexes indexes, Search search,
			MeterRegistry meterRegistry) {
		this.search = search;
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
			// The searches' own settings, so that the check measures what they get.
			Set<Long> exact = new HashSet<>(top10(vector, index, new Search.Plan("exact", index, 0)));
			List<Long> approximate = top10(vector, index,
					new Search.Plan("index", index, this.indexes.defaultProbes()));
			total += exact.size();
			found += (int) approximate.stream().filter(exact::contains).count();
		}
		if (total > 0) {
			this.recall.set((double) found / total);
		}
	}

	private List<Long> top10(String vector, IndexState index, Search.Plan plan) {
		String operator = index.operator();
		List<Long> ids = this.transactions.execute((status) -> {
			this.search.configure(plan, false);
			return this.jdbc
				.sql("SELECT id FROM site_pages ORDER BY embedding " + operator + " CAST(:vector AS vector) LIMIT 10")
				.param("vector", vector)
				.query(Long.class)
				.list();
		});
		return (ids != null) ? ids : List.of();
	}

}
