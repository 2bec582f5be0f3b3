package dev.archon.api.wire.vector;

/**
 * The approximate-nearest-neighbour index that searches use:
 * {@code POST /api/v1/vector/reindex} answers with the one it built.
 *
 * @param name the index's name
 * @param type {@code ivfflat} or {@code hnsw}
 * @param lists ivfflat's lists (0 for HNSW)
 * @param rows the table's rows when it was built
 * @param opclass the index's operator class, {@code vector_cosine_ops} or
 * {@code vector_ip_ops}
 */
public record IndexSummary(String name, String type, int lists, long rows, String opclass) {

}
