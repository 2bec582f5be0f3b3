package dev.archon.vector.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.archon.vector.VectorProperties;
import dev.archon.vector.index.IndexBuilt;
import dev.archon.vector.index.IndexState;
import dev.archon.vector.index.Indexes;
import dev.archon.vector.index.RecallCurve;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Measures the recall curve of each new index, and again now and then so that a drifting
 * index shows before users notice: stored vectors sampled at random are searched exactly
 * once and then through the index at increasing probes (ivfflat) or ef_search (HNSW),
 * each with the searches' own settings, until the share of the exact top 10 that the
 * index finds reaches {@code archon.vector.index.target-recall}. Searches then use that
 * setting: the cheapest that gives the recall asked for. A sample is left out of its own
 * results, where it would always be found first and flatter the index. Stored vectors
 * stand in for queries: where queries lie nearer the clusters' centres than the stored
 * chunks do (as in {@code bench/vector}'s synthetic set), the curve is pessimistic and
 * the choice spends more probes than those queries need.
 */
@Component
class RecallTuning {

	private static final Logger logger = LoggerFactory.getLogger(RecallTuning.class);

	private static final int TOP = 10;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Indexes indexes;

	private final Search search;

	private final VectorProperties.Index settings;

	RecallTuning(JdbcClient jdbc, PlatformTransactionManager transactionManager, Indexes indexes, Search search,
			VectorProperties properties, MeterRegistry meterRegistry) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setReadOnly(true);
		this.indexes = indexes;
		this.search = search;
		this.settings = properties.index();
		Gauge.builder("archon.vector.search.recall", indexes, RecallTuning::searchRecall)
			.description("Recall@10 against exact search measured on the index at the setting searches use")
			.register(meterRegistry);
	}

	private static double searchRecall(Indexes indexes) {
		IndexState index = indexes.current();
		return (index != null && index.recall() != null) ? index.recall().chosen().recall() : Double.NaN;
	}

	@EventListener
	void tune(IndexBuilt built) {
		tune(built.index());
	}

	@Scheduled(initialDelayString = "${archon.vector.search.recall-check-interval:5m}",
			fixedDelayString = "${archon.vector.search.recall-check-interval:5m}")
	void check() {
		IndexState index = this.indexes.current();
		if (index != null) {
			tune(index);
		}
	}

	private void tune(IndexState index) {
		long started = System.nanoTime();
		RecallCurve curve = measure(index, this.settings.targetRecall());
		this.indexes.recordRecall(index, curve);
		logger.info("Recall@{} of index {} by {}: {}; searches use {} ({} ms)", TOP, index.name(), index.parameter(),
				curve.points(), curve.chosen(), (System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * Measures the recall curve of an index until it reaches a target: only at the
	 * configured setting when one is configured.
	 * @param index the index
	 * @param target the recall to reach
	 * @return the curve
	 */
	RecallCurve measure(IndexState index, double target) {
		List<Sample> samples = sample(index);
		List<Set<Long>> exact = new ArrayList<>();
		for (List<Long> ids : top(index, samples, new Search.Plan("exact", index, 0))) {
			exact.add(new HashSet<>(ids));
		}
		List<RecallCurve.Point> points = new ArrayList<>();
		for (int setting : index.candidateSettings(this.settings)) {
			List<List<Long>> approximate = top(index, samples, new Search.Plan("index", index, setting));
			double recall = recall(exact, approximate);
			points.add(new RecallCurve.Point(setting, recall));
			if (recall >= target) {
				break;
			}
		}
		return new RecallCurve(target, points);
	}

	private List<Sample> sample(IndexState index) {
		// Four times the samples wanted in a Bernoulli sample (one pass over the table,
		// with no sort of the whole), then the wanted ones at random among them.
		double percent = Math.min(100.0, 400.0 * this.settings.recallSamples() / Math.max(index.rows(), 1));
		return this.jdbc.sql("""
				SELECT id, embedding::text FROM site_pages TABLESAMPLE BERNOULLI (CAST(:percent AS real))
				ORDER BY random() LIMIT :samples
				""")
			.param("percent", percent)
			.param("samples", this.settings.recallSamples())
			.query((rs, row) -> new Sample(rs.getLong(1), rs.getString(2)))
			.list();
	}

	// Every sample's top 10 in one transaction, which carries the plan's settings.
	private List<List<Long>> top(IndexState index, List<Sample> samples, Search.Plan plan) {
		String sql = "SELECT id FROM site_pages WHERE id <> :id ORDER BY embedding " + index.operator()
				+ " CAST(:vector AS vector) LIMIT " + TOP;
		List<List<Long>> tops = this.transactions.execute((status) -> {
			this.search.configure(plan, false);
			List<List<Long>> results = new ArrayList<>();
			for (Sample sample : samples) {
				results.add(this.jdbc.sql(sql)
					.param("id", sample.id())
					.param("vector", sample.vector())
					.query(Long.class)
					.list());
			}
			return results;
		});
		return (tops != null) ? tops : List.of();
	}

	private static double recall(List<Set<Long>> exact, List<List<Long>> approximate) {
		int found = 0;
		int total = 0;
		for (int i = 0; i < exact.size(); i++) {
			total += exact.get(i).size();
			found += (int) approximate.get(i).stream().filter(exact.get(i)::contains).count();
		}
		return (total > 0) ? (double) found / total : 1.0;
	}

	private record Sample(long id, String vector) {

	}

}
