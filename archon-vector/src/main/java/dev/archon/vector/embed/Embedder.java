package dev.archon.vector.embed;

import java.util.List;

/**
 * Turns texts into L2-normalized vectors of one model and one dimension.
 */
public interface Embedder {

	/**
	 * The model's name, part of every cache key so that vectors of two models never mix.
	 * @return the name
	 */
	String model();

	/**
	 * The dimension of every vector this embedder returns.
	 * @return the dimension
	 */
	int dimension();

	/**
	 * Embeds texts, batching them as the model likes best.
	 * @param texts the texts, none blank (langchain4j's models refuse a blank text)
	 * @return one unit-length vector per text, in the texts' order
	 */
	List<float[]> embed(List<String> texts);

	/**
	 * Scales a vector to unit length in place.
	 * @param vector the vector
	 * @return the same array
	 */
	static float[] normalize(float[] vector) {
		double sum = 0;
		for (float v : vector) {
			sum += v * v;
		}
		double norm = Math.sqrt(sum);
		if (norm > 0) {
			for (int i = 0; i < vector.length; i++) {
				vector[i] = (float) (vector[i] / norm);
			}
		}
		return vector;
	}

}
