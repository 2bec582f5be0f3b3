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

	private static final String SHORT = "Dependencies";

	private static final String SENTENCE = "Tools let the model call Python functions while it answers.";

	private static final String PARAGRAPH = "Pydantic AI is a Python agent framework designed to make it less "
			+ "painful to build production grade applications with Generative AI. ";

	private static OnnxEmbedder embedder;

	@BeforeAll
	static void load() {
		// The defaults of archon.vector.embedding.
		embedder = new OnnxEmbedder(1, 1, 2, 128, new SimpleMeterRegistry());
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
	void agreesWithLangchain4jsModelForTextsOfEveryLength() {
		// From one word to far beyond the 128 tokens both cut texts to, and beyond the
		// 510
		// tokens at which langchain4j would start to split a text into windows.
		List<String> texts = List.of(SHORT, SENTENCE, PARAGRAPH, PARAGRAPH.repeat(4) + SENTENCE,
				"## Agents\n\n" + PARAGRAPH.repeat(30));
		List<float[]> ours = embedder.embed(texts);
		AllMiniLmL6V2QuantizedEmbeddingModel langchain4j = new AllMiniLmL6V2QuantizedEmbeddingModel();
		List<float[]> theirs = langchain4j.embedAll(texts.stream().map(TextSegment::from).toList())
			.content()
			.stream()
			.map((embedding) -> embedding.vector())
			.toList();
		for (int i = 0; i < texts.size(); i++) {
			assertThat(dot(ours.get(i), theirs.get(i)) / norm(theirs.get(i))).as("text %d", i).isGreaterThan(0.999);
		}
	}

	@Test
	void batchingBarelyChangesAVector() throws Exception {
		OnnxEmbedder batching = new OnnxEmbedder(4, 1, 1, 128, new SimpleMeterRegistry());
		try {
			float[] alone = batching.embed(List.of(SHORT)).get(0);
			float[] batched = batching.embed(List.of(PARAGRAPH, SHORT, PARAGRAPH, PARAGRAPH, PARAGRAPH)).get(1);
			// The quantized model quantizes activations dynamically, with one scale per
			// tensor: the other texts of a batch shift that scale a little, so a vector
			// made in a batch is close to, not equal to, the same text's vector made
			// alone (why one text per call is the default). Padding itself is masked out
			// of the pooling.
			assertThat(dot(alone, batched)).isGreaterThan(0.98);
		}
		finally {
			batching.destroy();
		}
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
