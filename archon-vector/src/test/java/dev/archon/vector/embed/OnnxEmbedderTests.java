package dev.archon.vector.embed;

import java.util.List;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OnnxEmbedderTests {

	private static OnnxEmbedder embedder;

	@BeforeAll
	static void load() {
		embedder = new OnnxEmbedder(4, 1, 1, 256, new SimpleMeterRegistry());
	}

	@AfterAll
	static void close() throws Exception {
		embedder.destroy();
	}

	@Test
	void makesUnitVectorsOfTheModelsDimension() {
		List<float[]> vectors = embedder.embed(List.of("Agents are the primary interface.", "Graphs"));
		assertThat(vectors).hasSize(2).allSatisfy((vector) -> {
			assertThat(vector).hasSize(384);
			assertThat(norm(vector)).isCloseTo(1.0, within(1e-4));
		});
	}

	@Test
	void batchingBarelyChangesAVector() {
		String shortText = "Dependencies";
		String longText = "Pydantic AI is a Python agent framework designed to make it less painful to build "
				+ "production grade applications with Generative AI.";
		float[] alone = embedder.embed(List.of(shortText)).get(0);
		float[] batched = embedder.embed(List.of(longText, shortText, longText, longText, longText)).get(1);
		// The quantized model quantizes activations dynamically, with one scale per
		// tensor:
		// the other texts of a batch shift that scale a little, so a vector made in a
		// batch
		// is close to, not equal to, the same text's vector made alone. Padding itself is
		// masked out of the pooling.
		assertThat(dot(alone, batched)).isGreaterThan(0.98);
	}

	@Test
	void agreesWithLangchain4jsModel() {
		String text = "Tools let the model call Python functions while it answers.";
		float[] ours = embedder.embed(List.of(text)).get(0);
		float[] theirs = new AllMiniLmL6V2QuantizedEmbeddingModel().embed(TextSegment.from(text)).content().vector();
		assertThat(dot(ours, theirs) / norm(theirs)).isGreaterThan(0.999);
	}

	private static double norm(float[] vector) {
		return Math.sqrt(dot(vector, vector));
	}

	private static double dot(float[] a, float[] b) {
		double sum = 0;
		for (int i = 0; i < a.length; i++) {
			sum += a[i] * b[i];
		}
		return sum;
	}

}
