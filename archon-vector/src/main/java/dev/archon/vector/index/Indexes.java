package dev.archon.vector.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import dev.archon.vector.VectorProperties;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Builds the ANN index on {@code site_pages.embedding} once the table holds enough rows
 * for useful ivfflat centroids (below that, searches scan exactly, which is fast at that
 * size), with {@code lists} sized to the rows (rows/1000 up to a million rows, √rows
 * above), and rebuilds it when the table has grown {@code growthFactor} times since the
 * last build. A rebuild creates the new index concurrently, then drops the old one, so
 * searches never wait. One instance at a time builds: a PostgreSQL advisory lock decides.
 * The recall curve measured on an index (see {@link IndexBuilt}) is kept beside it in
 * {@code vector_state}, so that every instance searches at the setting it chose.
 */
@Component
public class Indexes {

	private static final Logger logger = LoggerFactory.getLogger(Indexes.class);

	// An arbitrary constant that names the index build among advisory locks.
	private static final long BUILD_LOCK = 0x61726368_766563L;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final VectorProperties.Index settings;

	private final AtomicReference<@Nullable IndexState> current = new AtomicReference<>();

	private final ReentrantLock building = new ReentrantLock();

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	private final MultiGauge recallGauge;

	Indexes(JdbcClient jdbc, DataSource dataSource, VectorProperties properties, JsonMapper json,
			ApplicationEventPublisher events, MeterRegistry meterRegistry) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.settings = properties.index();
		this.json = json;
		this.events = events;
		Gauge.builder("archon.vector.index.lists", this, (indexes) -> listsOrZero(indexes.current()))
			.description("Lists of the ivfflat index (0 without an index)")
			.register(meterRegistry);
		Gauge.builder("archon.vector.index.probes", this, (indexes) -> indexes.searchSetting(false))
			.description("Probes of ivfflat searches that do not choose their own (0 without an ivfflat index)")
			.register(meterRegistry);
		Gauge.builder("archon.vector.index.ef.search", this, (indexes) -> indexes.searchSetting(true))
			.description("ef_search of HNSW searches (0 without an HNSW index)")
			.register(meterRegistry);
		this.recallGauge = MultiGauge.builder("archon.vector.index.recall")
			.description("Recall@10 against exact search measured on the index, by probes or ef_search")
			.register(meterRegistry);
		Gauge.builder("archon.vector.index.rows", this, (indexes) -> {
			IndexState state = indexes.current();
			return (state != null) ? state.rows() : 0;
		}).description("Rows of the table when the index was built").register(meterRegistry);
		Gauge.builder("archon.vector.index.size", this, Indexes::sizeBytes)
			.baseUnit("bytes")
			.description("Size of the ANN index")
			.register(meterRegistry);
	}

	private static double listsOrZero(@Nullable IndexState state) {
		return (state != null) ? state.lists() : 0;
	}

	/**
	 * The index searches use, as this instance last saw it.
	 * @return the index, or {@code null} while searches scan exactly
	 */
	public @Nullable IndexState current() {
		return this.current.get();
	}

	private int searchSetting(boolean hnsw) {
		IndexState state = current();
		return (state != null && state.hnsw() == hnsw) ? state.searchSetting(this.settings) : 0;
	}

	/**
	 * Keeps the recall curve measured on an index, unless another index has replaced it
	 * meanwhile, and lets searches use the setting it chose.
	 * @param index the index measured
	 * @param curve its recall curve
	 */
	public void recordRecall(IndexState index, RecallCurve curve) {
		this.jdbc.sql("UPDATE vector_state SET index_recall_curve = CAST(:curve AS jsonb) WHERE index_name = :name")
			.param("curve", this.json.writeValueAsString(curve))
			.param("name", index.name())
			.update();
		refresh();
	}

	/**
	 * Reads the index state, and builds or rebuilds the index when the rows call for it.
	 */
	@Scheduled(initialDelay = 0, fixedDelayString = "${archon.vector.index.check-interval:60s}")
	public void check() {
		refresh();
		long rows = rows();
		IndexState state = current();
		boolean due = (state == null) ? rows >= this.settings.minRows()
				: rows >= state.rows() * this.settings.growthFactor();
		if (due) {
			build(false);
		}
	}

	/**
	 * Builds a new index of the configured type and operator class now, whatever the
	 * rows, and swaps it in.
	 * @param force build even when the table has fewer than the minimum rows
	 * @return the new index, or the current one when another instance is building
	 */
	@Nullable IndexState build(boolean force) {
		return build(force, this.settings.type(), this.settings.opclass());
	}

	/**
	 * Builds a new index now, whatever the rows, and swaps it in. The type and operator
	 * class may differ from the configured ones (the benchmark compares them); the next
	 * automatic rebuild goes back to the configuration.
	 * @param force build even when the table has fewer than the minimum rows
	 * @param type {@code ivfflat} or {@code hnsw}
	 * @param opclass {@code cosine} or {@code ip}
	 * @return the new index, or the current one when another instance is building
	 */
	public @Nullable IndexState build(boolean force, String type, String opclass) {
		if (!this.building.tryLock()) {
			return current();
		}
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(true);
			if (!tryLock(connection)) {
				return current();
			}
			try {
				return buildLocked(connection, force, type, IndexState.Opclass.of(opclass));
			}
			finally {
				unlock(connection);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot build the vector index: " + ex.getMessage(), ex);
		}
		finally {
			this.building.unlock();
		}
	}

	private @Nullable IndexState buildLocked(Connection connection, boolean force, String type,
			IndexState.Opclass opclass) throws SQLException {
		long rows = this.jdbc.sql("SELECT count(*) FROM site_pages").query(Long.class).single();
		if (rows == 0 || (!force && rows < this.settings.minRows())) {
			return current();
		}
		IndexState previous = refresh();
		int lists = "hnsw".equals(type) ? 0 : lists(rows);
		String name = "site_pages_embedding_" + type + "_" + System.currentTimeMillis();
		String method = "hnsw".equals(type)
				? "hnsw (embedding " + opclass.sqlName() + ") WITH (m = " + this.settings.hnswM()
						+ ", ef_construction = " + this.settings.hnswEfConstruction() + ")"
				: "ivfflat (embedding " + opclass.sqlName() + ") WITH (lists = " + lists + ")";
		long started = System.nanoTime();
		try (Statement statement = connection.createStatement()) {
			// Fresh statistics, so that the planner knows the table's size and uses the
			// index.
			statement.execute("ANALYZE site_pages");
			// ivfflat's k-means and HNSW's graph want memory: a graph that does not fit
			// is built many times slower. pgvector builds both in parallel with
			// max_parallel_maintenance_workers.
			statement.execute("SET maintenance_work_mem = '" + this.settings.buildMemory() + "'");
			statement.execute("SET max_parallel_maintenance_workers = " + this.settings.buildWorkers());
			try {
				statement.execute("CREATE INDEX CONCURRENTLY " + name + " ON site_pages USING " + method);
			}
			finally {
				// The connection goes back to the pool: the settings must not follow it.
				statement.execute("RESET maintenance_work_mem");
				statement.execute("RESET max_parallel_maintenance_workers");
			}
		}
		this.jdbc.sql("""
				UPDATE vector_state
				SET index_name = :name, index_type = :type, index_lists = :lists, index_rows = :rows,
					index_built_at = now(), index_recall_curve = NULL
				""").param("name", name).param("type", type).param("lists", lists).param("rows", rows).update();
		if (previous != null && !previous.name().equals(name)) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("DROP INDEX CONCURRENTLY IF EXISTS " + previous.name());
			}
		}
		logger.info("Built vector index {} ({} lists) over {} rows in {} ms", name, lists, rows,
				(System.nanoTime() - started) / 1_000_000);
		IndexState built = refresh();
		if (built != null) {
			// Listeners measure its recall curve before the build lock is released.
			this.events.publishEvent(new IndexBuilt(built));
		}
		return current();
	}

	int lists(long rows) {
		if (this.settings.lists() > 0) {
			return this.settings.lists();
		}
		long sized = (rows <= 1_000_000) ? rows / 1000 : (long) Math.sqrt(rows);
		return (int) Math.max(1, Math.min(sized, 32_768));
	}

	/**
	 * Rereads which index searches should use: another instance may have built a new one,
	 * possibly with another operator class, whose operator this instance's searches must
	 * use for PostgreSQL to use the index.
	 */
	@Scheduled(initialDelay = 0, fixedDelayString = "${archon.vector.index.refresh-interval:5s}")
	void refreshNow() {
		refresh();
	}

	private @Nullable IndexState refresh() {
		IndexState state = this.jdbc.sql("""
				SELECT s.index_name, s.index_type, s.index_lists, s.index_rows, o.opcname,
					s.index_recall_curve::text
				FROM vector_state s
				JOIN pg_class c ON c.relname = s.index_name
				JOIN pg_index i ON i.indexrelid = c.oid AND i.indisvalid
				JOIN pg_opclass o ON o.oid = i.indclass[0]
				""")
			.query((rs, row) -> new IndexState(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4),
					rs.getString(5), recallCurve(rs.getString(6))))
			.optional()
			.orElse(null);
		IndexState previous = this.current.getAndSet(state);
		RecallCurve curve = (state != null) ? state.recall() : null;
		if (!Objects.equals((previous != null) ? previous.recall() : null, curve)) {
			this.recallGauge
				.register((state != null && curve != null) ? recallRows(state.parameter(), curve) : List.of(), true);
		}
		return state;
	}

	private static List<MultiGauge.Row<?>> recallRows(String parameter, RecallCurve curve) {
		return curve.points()
			.stream().<MultiGauge
					.Row<?>>map(
							(point) -> MultiGauge.Row.of(
									Tags.of("parameter", parameter, "setting", Integer.toString(point.setting())),
									point.recall()))
			.toList();
	}

	private @Nullable RecallCurve recallCurve(@Nullable String json) {
		return (json != null) ? this.json.readValue(json, RecallCurve.class) : null;
	}

	long rows() {
		// The planner's estimate is good enough to decide on a build, and costs nothing;
		// a fresh table without statistics falls back to counting.
		Long estimate = this.jdbc.sql("SELECT reltuples::bigint FROM pg_class WHERE relname = 'site_pages'")
			.query(Long.class)
			.single();
		if (estimate == null || estimate < 0) {
			return this.jdbc.sql("SELECT count(*) FROM site_pages").query(Long.class).single();
		}
		return estimate;
	}

	private double sizeBytes() {
		IndexState state = current();
		if (state == null) {
			return 0;
		}
		return this.jdbc.sql("SELECT coalesce(pg_relation_size(to_regclass(:name)), 0)")
			.param("name", state.name())
			.query(Long.class)
			.single();
	}

	private static boolean tryLock(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
			statement.setLong(1, BUILD_LOCK);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getBoolean(1);
			}
		}
	}

	private static void unlock(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
			statement.setLong(1, BUILD_LOCK);
			statement.execute();
		}
	}

}
