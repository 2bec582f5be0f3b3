package dev.archon.vector.index;

/**
 * The approximate-nearest-neighbour index that searches use now.
 *
 * @param name the index's name
 * @param type {@code ivfflat} or {@code hnsw}
 * @param lists ivfflat's lists (0 for HNSW)
 * @param rows the table's rows when it was built
 * @param opclass the index's operator class, {@code vector_cosine_ops} or
 * {@code vector_ip_ops}
 */
public record IndexState(String name, String type, int lists, long rows, String opclass) {

	/**
	 * How many lists a search visits unless it says otherwise: √lists, at least 1.
	 * @param configured the configured default, 0 for √lists
	 * @return the probes
	 */
	public int defaultProbes(int configured) {
		if (configured > 0) {
			return Math.min(configured, Math.max(this.lists, 1));
		}
		return Math.max(1, (int) Math.ceil(Math.sqrt(this.lists)));
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
