package dev.archon.api.wire.vector;

import java.util.List;

/**
 * The embeddings of the texts, in their order.
 *
 * @param model the model that made them
 * @param dimension the vectors' dimension
 * @param vectors one unit-length vector per text
 */
public record EmbedResponse(String model, int dimension, List<float[]> vectors) {

}
