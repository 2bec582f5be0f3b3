package dev.archon.vector.embed;

import java.util.Collections;
import java.util.List;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

class MiniLmEmbedderTests {

	private static final String SENTENCE = "Tools let the model call Python functions while it answers.";

	private static final String PARAGRAPH = "Pydantic AI is a Python agent framework designed to make it less "
			+ "painful to build production grade applications with Generative AI. ";

	private static final int CONCURRENCY = 2;

	private static MiniLmEmbedder embedder;

	@BeforeAll
	static void load() {
		// The defaults of archon.vector.embedding.
		embedder = new MiniLmEmbedder(1, CONCURRENCY, new SimpleMeterRegistry());
	}

	@AfterAll
	static void close() throws Exception {
		embedder.destroy();
	}

	@Test
	void makesUnitVectorsOfTheModelsDimension() {
		List<float[]> vectors = embedder.embed(List.of("Agents are the primary interface.", "Graphs"));
		assertThat(vectors).hasSize(2).allSatisfy((vector) -> {
			assertThat(vector).hasSize(embedder.dimension());
			assertThat(norm(vector)).isCloseTo(1.0, within(1e-4));
		});
	}

	@Test
	void makesTheVectorsOfLangchain4jsDefaultModelForTextsOfEveryLength() {
		// The vectors already stored were made by the same model with langchain4j's
		// defaults: a session configured for a bounded pool must not change them, from
		// one
		// word to far beyond the 510 tokens at which langchain4j splits a text.
		List<String> texts = List.of("Dependencies", SENTENCE, PARAGRAPH, PARAGRAPH.repeat(4) + SENTENCE,
				"## Agents\n\n" + PARAGRAPH.repeat(30));
		List<float[]> ours = embedder.embed(texts);
		List<float[]> theirs = new AllMiniLmL6V2QuantizedEmbeddingModel()
			.embedAll(texts.stream().map(TextSegment::from).toList())
			.content()
			.stream()
			.map((embedding) -> embedding.vector())
			.toList();
		for (int i = 0; i < texts.size(); i++) {
			assertThat(dot(ours.get(i), theirs.get(i))).as("text %d", i).isGreaterThan(0.9999);
		}
	}

	@Test
	void keepsTheOrderOfTheTextsWhateverWorkerEmbedsThem() {
		List<String> texts = List.of(SENTENCE, PARAGRAPH, "Graphs", SENTENCE);
		List<float[]> together = embedder.embed(texts);
		for (int i = 0; i < texts.size(); i++) {
			assertThat(dot(together.get(i), embedder.embed(List.of(texts.get(i))).get(0))).as("text %d", i)
				.isGreaterThan(0.9999);
		}
	}

	@Test
	void runsModelCallsOnItsOwnBoundedPoolOnly() {
		embedder.embed(Collections.nCopies(16, SENTENCE));
		long workers = Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().startsWith("embed-"))
			.count();
		assertThat(workers).isBetween(1L, (long) CONCURRENCY);
	}

	@Test
	void refusesATextInWhichTheTokenizerKeepsNothing() {
		// A broken surrogate, controls, a format character, whitespace and U+FFFD: BERT's
		// normalizer drops them all, and langchain4j would fail the whole request.
		assertThat(MiniLmEmbedder.readable("\ude00\u0001\u200e \u2028\ufffd")).isFalse();
		assertThatExceptionOfType(UnreadableText.class)
			.isThrownBy(() -> embedder.embed(List.of(SENTENCE, "\ude00\u001b")))
			.satisfies((ex) -> assertThat(ex.index()).isEqualTo(1));
		assertThat(embedder.embed(List.of("\ude00 g\u001b"))).hasSize(1);
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
