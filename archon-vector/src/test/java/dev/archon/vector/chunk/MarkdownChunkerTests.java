package dev.archon.vector.chunk;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the chunker over many random Markdown documents (seeded, so a failure
 * repeats): the chunks' own parts cover the document exactly and in order, no fence is
 * cut, and sizes stay bounded.
 */
class MarkdownChunkerTests {

	private static final int TARGET = 500;

	private static final int OVERLAP = 60;

	private static final int MAX_FENCE = 1200;

	private final MarkdownChunker chunker = new MarkdownChunker(TARGET, OVERLAP, MAX_FENCE);

	@RepeatedTest(300)
	void everyCharacterIsInSomeChunkInOrder(RepetitionInfo repetition) {
		Document document = randomDocument(new Random(repetition.getCurrentRepetition()));
		List<Chunk> chunks = this.chunker.chunk("Doc", document.text);
		StringBuilder joined = new StringBuilder();
		int expectedStart = 0;
		for (Chunk chunk : chunks) {
			assertThat(chunk.start()).isEqualTo(expectedStart);
			assertThat(chunk.content()).endsWith(document.text.substring(chunk.start(), chunk.end()));
			joined.append(document.text, chunk.start(), chunk.end());
			expectedStart = chunk.end();
		}
		assertThat(joined.toString()).isEqualTo(document.text);
	}

	@RepeatedTest(300)
	void neverSplitsInsideAFenceThatFits(RepetitionInfo repetition) {
		Document document = randomDocument(new Random(repetition.getCurrentRepetition()));
		List<Chunk> chunks = this.chunker.chunk("Doc", document.text);
		for (int[] fence : document.fences) {
			assertThat(chunks).as("a chunk that holds the whole fence at %s", fence[0])
				.anySatisfy((chunk) -> assertThat(chunk.start()).isLessThanOrEqualTo(fence[0])
					.satisfies((start) -> assertThat(chunk.end()).isGreaterThanOrEqualTo(fence[1])));
		}
	}

	@RepeatedTest(300)
	void sizesAreBounded(RepetitionInfo repetition) {
		Document document = randomDocument(new Random(repetition.getCurrentRepetition()));
		for (Chunk chunk : this.chunker.chunk("Doc", document.text)) {
			// A chunk's own part is at most the target, or one whole fence (up to
			// MAX_FENCE)
			// with the headings carried in front of it; the overlap comes on top.
			assertThat(chunk.end() - chunk.start()).isLessThanOrEqualTo(Math.max(TARGET, MAX_FENCE) + 200);
			assertThat(chunk.content().length() - (chunk.end() - chunk.start())).isLessThanOrEqualTo(OVERLAP);
		}
	}

	@Test
	void splitsAFenceLongerThanTheLimitBetweenLines() {
		String code = "```python\n" + "x = 1\n".repeat(400) + "```\n";
		List<Chunk> chunks = this.chunker.chunk("Doc", code);
		assertThat(chunks).hasSizeGreaterThan(1);
		assertThat(chunks).allSatisfy((chunk) -> {
			assertThat(chunk.end() - chunk.start()).isLessThanOrEqualTo(MAX_FENCE);
			assertThat(code.charAt(chunk.end() - 1)).isEqualTo('\n');
		});
	}

	@Test
	void titlesComeFromHeadingsAndSummariesFromFirstSentences() {
		String text = "# Agents\n\nAgents are the primary interface. They hold a model and tools.\n\n"
				+ "## Running agents\n\n" + "There are four ways to run an agent. ".repeat(20) + "\n";
		List<Chunk> chunks = this.chunker.chunk("Doc", text);
		assertThat(chunks.get(0).title()).isEqualTo("Agents");
		assertThat(chunks.get(0).summary()).startsWith("Agents are the primary interface.");
		assertThat(chunks.get(chunks.size() - 1).title()).isEqualTo("Running agents");
	}

	@Test
	void prefersToBreakBeforeHeadings() {
		String section = "Some words here. ".repeat(15) + "\n\n";
		String text = "# One\n\n" + section + "# Two\n\n" + section + "# Three\n\n" + section;
		List<Chunk> chunks = this.chunker.chunk("Doc", text);
		assertThat(chunks).extracting(Chunk::title).containsExactly("One", "Two", "Three");
	}

	@Test
	void blankDocumentHasNoChunks() {
		assertThat(this.chunker.chunk("Doc", " \n\n")).isEmpty();
	}

	private static Document randomDocument(Random random) {
		StringBuilder text = new StringBuilder();
		List<int[]> fences = new ArrayList<>();
		int blocks = 1 + random.nextInt(40);
		for (int i = 0; i < blocks; i++) {
			if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
				text.append('\n');
			}
			switch (random.nextInt(4)) {
				case 0 -> text.append("#".repeat(1 + random.nextInt(3)))
					.append(' ')
					.append(words(random, 1 + random.nextInt(6)))
					.append('\n');
				case 1 -> {
					int start = text.length();
					text.append("```python\n");
					int lines = random.nextInt(60);
					for (int line = 0; line < lines; line++) {
						text.append("    ")
							.append(words(random, random.nextInt(6)))
							.append(". # ok\n\n".substring(0, 1 + random.nextInt(7)))
							.append('\n');
					}
					text.append("```\n");
					if (text.length() - start <= MAX_FENCE) {
						fences.add(new int[] { start, text.length() });
					}
				}
				default -> {
					int sentences = 1 + random.nextInt(30);
					for (int s = 0; s < sentences; s++) {
						text.append(capitalized(words(random, 1 + random.nextInt(25))))
							.append(random.nextBoolean() ? ". " : "? ");
					}
					if (random.nextInt(10) == 0) {
						text.append("x".repeat(random.nextInt(2000)));
					}
				}
			}
			text.append("\n".repeat(random.nextInt(3)));
		}
		return new Document(text.toString(), fences);
	}

	private static String words(Random random, int count) {
		String[] vocabulary = { "agent", "model", "tool", "run", "the", "a", "stream", "result", "pydantic", "type",
				"validate", "dependency", "graph", "node", "retry", "system", "prompt" };
		StringBuilder words = new StringBuilder();
		for (int i = 0; i < count; i++) {
			words.append(i > 0 ? " " : "").append(vocabulary[random.nextInt(vocabulary.length)]);
		}
		return words.toString();
	}

	private static String capitalized(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	private record Document(String text, List<int[]> fences) {

	}

}
