package dev.archon.api.wire.vector;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The approximate-nearest-neighbour index that searches use:
 * {@code GET /api/v1/vector/indexes} lists it, {@code POST /api/v1/vector/reindex}
 * answers with the one it built.
 *
 * @param name the index's name
 * @param type {@code ivfflat} or {@code hnsw}
 * @param lists ivfflat's lists (0 for HNSW)
 * @param rows the table's rows when it was built
 * @param opclass the index's operator class, {@code vector_cosine_ops} or
 * {@code vector_ip_ops}
 * @param parameter the setting that trades speed for recall, {@code ivfflat.probes} or
 * {@code hnsw.ef_search}
 * @param setting its value in searches that do not choose their own probes
 * @param targetRecall the recall@10 the setting is chosen to reach
 * @param recall the recall@10 measured at that setting, {@code null} until measured
 * @param recallCurve the recall@10 measured on the index by setting, up to the one chosen
 */
public record IndexSummary(String name, String type, int lists, long rows, String opclass, String parameter,
		int setting, double targetRecall, @Nullable Double recall, List<RecallPoint> recallCurve) {

	/**
	 * One point of a recall curve.
	 *
	 * @param setting the probes or ef_search
	 * @param recall the share of the exact top 10 that searches at that setting found
	 */
	public record RecallPoint(int setting, double recall) {

	}

}
