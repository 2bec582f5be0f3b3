package dev.archon.vector.embed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.archon.vector.Corpora;
import dev.archon.vector.chunk.Chunk;
import dev.archon.vector.chunk.MarkdownChunker;

/**
 * Bare embedding throughput over the corpus's chunks: this service's batched, bounded
 * embedder against langchain4j's {@code embedAll} (one future per text on an unbounded
 * pool). Prints one JSON object; the benchmark reads it.
 */
public final class EmbeddingThroughput {

	private EmbeddingThroughput() {
	}

	public static void main(String[] args) {
		int limit = (args.length > 0) ? Integer.parseInt(args[0]) : Integer.MAX_VALUE;
		boolean withLangchain = args.length < 2 || Boolean.parseBoolean(args[1]);
		int batchSize = (args.length > 2) ? Integer.parseInt(args[2]) : 32;
		int threads = (args.length > 3) ? Integer.parseInt(args[3]) : 2;
		int maxTokens = (args.length > 4) ? Integer.parseInt(args[4]) : 256;
		MarkdownChunker chunker = new MarkdownChunker(1500, 150, 6000);
		List<String> texts = new ArrayList<>();
		for (Map<String, Object> document : Corpora.documents()) {
			for (Chunk chunk : chunker.chunk((String) document.get("title"), (String) document.get("content"))) {
				texts.add(chunk.title() + "\n\n" + chunk.content());
			}
		}
		texts = texts.subList(0, Math.min(limit, texts.size()));
		OnnxEmbedder ours = new OnnxEmbedder(batchSize, threads, 1, maxTokens, new SimpleMeterRegistry());
		ours.embed(texts.subList(0, Math.min(64, texts.size())));
		long started = System.nanoTime();
		ours.embed(texts);
		double oursPerSecond = texts.size() / ((System.nanoTime() - started) / 1e9);
		double theirsPerSecond = 0;
		if (withLangchain) {
			AllMiniLmL6V2QuantizedEmbeddingModel theirs = new AllMiniLmL6V2QuantizedEmbeddingModel();
			List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
			theirs.embedAll(segments.subList(0, Math.min(64, segments.size())));
			started = System.nanoTime();
			theirs.embedAll(segments);
			theirsPerSecond = texts.size() / ((System.nanoTime() - started) / 1e9);
		}
		System.out.printf("{\"chunks\": %d, \"batchedChunksPerSecond\": %.1f, \"langchain4jChunksPerSecond\": %.1f}%n",
				texts.size(), oursPerSecond, theirsPerSecond);
	}

}
