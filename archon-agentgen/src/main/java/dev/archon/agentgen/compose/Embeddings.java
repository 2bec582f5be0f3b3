package dev.archon.agentgen.compose;

import java.util.List;

/**
 * Embeds texts with the model that archon-vector serves.
 */
public interface Embeddings {

	/**
	 * Embeds texts.
	 * @param texts the texts
	 * @return one unit-length vector per text, in their order
	 * @throws RuntimeException when the embedding service cannot be reached
	 */
	List<float[]> embed(List<String> texts);

}
