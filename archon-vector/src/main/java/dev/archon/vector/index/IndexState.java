package dev.archon.vector.index;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.archon.vector.VectorProperties;

/**
 * The approximate-nearest-neighbour index that searches use now.
 *
 * @param name the index's name
 * @param type {@code ivfflat} or {@code hnsw}
 * @param lists ivfflat's lists (0 for HNSW)
 * @param rows the table's rows when it was built
 * @param opclass the index's operator class, {@code vector_cosine_ops} or
 * {@code vector_ip_ops}
 * @param recall the recall curve measured on this index, {@code null} until measured
 */
public record IndexState(String name, String type, int lists, long rows, String opclass, @Nullable RecallCurve recall) {

	// pgvector's own default, used until the recall curve is measured.
	private static final int HNSW_DEFAULT_EF_SEARCH = 40;

	// pgvector's upper bound of hnsw.ef_search.
	private static final int HNSW_MAX_EF_SEARCH = 1000;

	// No fewer candidates than the recall is measured at (the top 10).
	private static final int HNSW_MIN_EF_SEARCH = 10;

	/**
	 * Whether this is an HNSW index, searched with {@code hnsw.ef_search} rather than
	 * ivfflat's {@code probes}.
	 * @return {@code true} for HNSW
	 */
	public boolean hnsw() {
		return "hnsw".equals(this.type);
	}

	/**
	 * The setting through which searches trade speed for recall on this index.
	 * @return {@code ivfflat.probes} or {@code hnsw.ef_search}
	 */
	public String parameter() {
		return hnsw() ? "hnsw.ef_search" : "ivfflat.probes";
	}

	/**
	 * The probes (ivfflat) or ef_search (HNSW) that searches use unless they say
	 * otherwise: the configured value when there is one, otherwise the one the recall
	 * curve chose, otherwise (until the curve is measured) √lists or pgvector's default.
	 * @param settings the index settings
	 * @return the setting
	 */
	public int searchSetting(VectorProperties.Index settings) {
		int configured = configured(settings);
		if (configured > 0) {
			return hnsw() ? configured : Math.min(configured, maxProbes());
		}
		if (this.recall != null) {
			return this.recall.chosen().setting();
		}
		return hnsw() ? HNSW_DEFAULT_EF_SEARCH : Math.max(1, (int) Math.ceil(Math.sqrt(this.lists)));
	}

	/**
	 * The settings a recall curve measures, by increasing cost: every step of about a
	 * quarter more work, so that the choice costs at most that much more than needed, up
	 * to all lists (exact for ivfflat) or pgvector's bound for HNSW; only the configured
	 * setting when there is one.
	 * @param settings the index settings
	 * @return the settings
	 */
	public List<Integer> candidateSettings(VectorProperties.Index settings) {
		if (configured(settings) > 0) {
			return List.of(searchSetting(settings));
		}
		int setting = hnsw() ? HNSW_MIN_EF_SEARCH : 1;
		int max = hnsw() ? HNSW_MAX_EF_SEARCH : maxProbes();
		List<Integer> candidates = new ArrayList<>();
		while (setting < max) {
			candidates.add(setting);
			setting = Math.max(setting + 1, (int) Math.round(setting * 1.25));
		}
		candidates.add(max);
		return candidates;
	}

	private int configured(VectorProperties.Index settings) {
		return hnsw() ? settings.hnswEfSearch() : settings.probes();
	}

	private int maxProbes() {
		return Math.max(this.lists, 1);
	}

	/**
	 * The distance operator that this index serves: PostgreSQL uses an index only for an
	 * {@code ORDER BY} on its operator class's own operator.
	 * @return {@code <#>} (negative inner product) or {@code <=>} (cosine distance)
	 */
	public String operator() {
		return Opclass.of(this.opclass).operator();
	}

	/**
	 * The operator classes an index may be built with.
	 */
	public enum Opclass {

		/** Cosine distance, {@code <=>}. */
		COSINE("vector_cosine_ops", "<=>"),

		/** Negative inner product, {@code <#>}: the cosine for unit vectors, cheaper. */
		IP("vector_ip_ops", "<#>");

		private final String sqlName;

		private final String operator;

		Opclass(String sqlName, String operator) {
			this.sqlName = sqlName;
			this.operator = operator;
		}

		/**
		 * The operator class's name in SQL.
		 * @return the name
		 */
		String sqlName() {
			return this.sqlName;
		}

		/**
		 * Its distance operator.
		 * @return the operator
		 */
		public String operator() {
			return this.operator;
		}

		/**
		 * The cosine similarity of the embedding column and a parameter, as SQL.
		 * @param parameter the query vector's parameter
		 * @return the expression
		 */
		public String similarity(String parameter) {
			return (this == IP) ? "-(embedding <#> " + parameter + ")" : "1 - (embedding <=> " + parameter + ")";
		}

		/**
		 * The operator class of a setting ({@code cosine}, {@code ip}) or of a SQL name.
		 * @param name the name
		 * @return the operator class
		 */
		public static Opclass of(String name) {
			for (Opclass opclass : values()) {
				if (opclass.sqlName.equals(name) || opclass.name().equalsIgnoreCase(name)) {
					return opclass;
				}
			}
			throw new IllegalArgumentException("Unknown operator class " + name + ": cosine or ip");
		}

	}

}
