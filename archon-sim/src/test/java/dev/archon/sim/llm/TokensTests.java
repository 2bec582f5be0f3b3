package dev.archon.sim.llm;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokensTests {

	@Test
	void piecesGiveTheTextBack() {
		String text = "  def f(x):\n    return x  \n";

		assertThat(String.join("", Tokens.pieces(text))).isEqualTo(text);
		assertThat(Tokens.pieces("one two")).containsExactly("one", " two");
	}

	@Test
	void embeddingsAreDeterministicUnitVectors() {
		float[] first = Embeddings.of("kitchen lights", 384);
		float[] again = Embeddings.of("kitchen lights", 384);
		float[] other = Embeddings.of("garden weather", 384);
		double norm = 0;
		double dot = 0;
		for (int i = 0; i < first.length; i++) {
			norm += first[i] * first[i];
			dot += first[i] * other[i];
		}

		assertThat(again).containsExactly(first);
		assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
		assertThat(Math.abs(dot)).isLessThan(0.3);
	}

}
