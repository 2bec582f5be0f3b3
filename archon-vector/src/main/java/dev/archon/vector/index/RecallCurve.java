package dev.archon.vector.index;

import java.util.List;

/**
 * Recall@10 of index searches against exact search, measured on the index itself for
 * increasing values of its search parameter (ivfflat's {@code probes}, HNSW's
 * {@code ef_search}), and the setting that searches use: the smallest whose recall
 * reaches the target, or the largest measured when none does.
 *
 * @param target the recall the setting was chosen for
 * @param points the measurements, by increasing setting
 */
public record RecallCurve(double target, List<Point> points) {

	public RecallCurve {
		if (points.isEmpty()) {
			throw new IllegalArgumentException("A recall curve needs at least one point");
		}
		points = List.copyOf(points);
	}

	/**
	 * The point searches use.
	 * @return the first point that reaches the target, or the last
	 */
	public Point chosen() {
		// A loop rather than a stream: every search asks.
		for (Point point : this.points) {
			if (point.recall() >= this.target) {
				return point;
			}
		}
		return this.points.getLast();
	}

	/**
	 * One measurement.
	 *
	 * @param setting the probes or ef_search
	 * @param recall the share of the exact top 10 that the index found at that setting
	 */
	public record Point(int setting, double recall) {

	}

}
