package dev.archon.vector.index;

/**
 * The approximate-nearest-neighbour index that searches use now.
 *
 * @param name the index's name
 * @param type {@code ivfflat} or {@code hnsw}
 * @param lists ivfflat's lists (0 for HNSW)
 * @param rows the table's rows when it was built
 */
public record IndexState(String name, String type, int lists, long rows) {

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

}
