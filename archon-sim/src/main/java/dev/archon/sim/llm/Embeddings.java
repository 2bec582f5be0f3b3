package dev.archon.sim.llm;

import java.util.SplittableRandom;

/**
 * Simulated embeddings: a unit vector drawn from a generator seeded with a hash of the
 * text, so that the same text always has the same vector and different texts are almost
 * orthogonal.
 */
public final class Embeddings {

	private static final long FNV_OFFSET = 0xcbf29ce484222325L;

	private static final long FNV_PRIME = 0x100000001b3L;

	private Embeddings() {
	}

	/**
	 * The embedding of a text.
	 * @param text the text
	 * @param dimensions the vector's length
	 * @return a vector of Euclidean norm 1
	 */
	public static float[] of(String text, int dimensions) {
		SplittableRandom random = new SplittableRandom(hash(text));
		double[] values = new double[dimensions];
		double sum = 0;
		for (int i = 0; i < dimensions; i++) {
			values[i] = random.nextDouble(-1, 1);
			sum += values[i] * values[i];
		}
		double norm = (sum > 0) ? Math.sqrt(sum) : 1;
		float[] vector = new float[dimensions];
		for (int i = 0; i < dimensions; i++) {
			vector[i] = (float) (values[i] / norm);
		}
		return vector;
	}

	private static long hash(String text) {
		long hash = FNV_OFFSET;
		for (int i = 0; i < text.length(); i++) {
			hash = (hash ^ text.charAt(i)) * FNV_PRIME;
		}
		return hash;
	}

}
