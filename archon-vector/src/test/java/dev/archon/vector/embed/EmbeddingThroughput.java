package dev.archon.vector.embed;

import java.util.ArrayList;
import java.util.List;

import dev.archon.api.wire.vector.IngestRequest.DocumentInput;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.archon.vector.Corpora;
import dev.archon.vector.chunk.Chunk;
import dev.archon.vector.chunk.MarkdownChunker;

/**
 * Bare embedding throughput over the corpus's chunks: this service's bounded embedder
 * against langchain4j's model with its defaults (a thread per core, and ONNX's intra-op
 * threads in every call), and the smallest cosine between the two's vectors of the same
 * chunk. Prints one JSON object; the benchmark reads it. Arguments, all optional: chunk
 * limit, whether to run langchain4j, intra-op threads, concurrency.
 */
public final class EmbeddingThroughput {

	private EmbeddingThroughput() {
	}

	public static void main(String[] args) {
		int limit = (args.length > 0) ? Integer.parseInt(args[0]) : Integer.MAX_VALUE;
		boolean withLangchain = args.length < 2 || Boolean.parseBoolean(args[1]);
		// The defaults of archon.vector.embedding.
		int threads = (args.length > 2) ? Integer.parseInt(args[2]) : 1;
		int concurrency = (args.length > 3) ? Integer.parseInt(args[3]) : 2;
		MarkdownChunker chunker = new MarkdownChunker(1500, 150, 6000);
		List<String> texts = new ArrayList<>();
		for (DocumentInput document : Corpora.documents()) {
			for (Chunk chunk : chunker.chunk(document.title(), document.content())) {
				texts.add(chunk.title() + "\n\n" + chunk.content());
			}
		}
		texts = texts.subList(0, Math.min(limit, texts.size()));
		MiniLmEmbedder ours = new MiniLmEmbedder(threads, concurrency, new SimpleMeterRegistry());
		AllMiniLmL6V2QuantizedEmbeddingModel theirs = new AllMiniLmL6V2QuantizedEmbeddingModel();
		List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
		ours.embed(texts.subList(0, Math.min(64, texts.size())));
		if (withLangchain) {
			theirs.embedAll(segments.subList(0, Math.min(64, segments.size())));
		}
		// Each side runs twice, alternating, and keeps its better run: the first runs
		// after a warm-up still vary with the JIT and the other side's leftover threads.
		double oursPerSecond = 0;
		double theirsPerSecond = 0;
		List<float[]> oursVectors = List.of();
		List<Embedding> theirsVectors = List.of();
		for (int run = 0; run < 2; run++) {
			long started = System.nanoTime();
			oursVectors = ours.embed(texts);
			oursPerSecond = Math.max(oursPerSecond, texts.size() / ((System.nanoTime() - started) / 1e9));
			if (withLangchain) {
				started = System.nanoTime();
				theirsVectors = theirs.embedAll(segments).content();
				theirsPerSecond = Math.max(theirsPerSecond, texts.size() / ((System.nanoTime() - started) / 1e9));
			}
		}
		double minCosine = 1;
		for (int i = 0; i < theirsVectors.size(); i++) {
			minCosine = Math.min(minCosine, cosine(oursVectors.get(i), theirsVectors.get(i).vector()));
		}
		System.out.printf(
				"{\"chunks\": %d, \"chunksPerSecond\": %.1f, \"langchain4jChunksPerSecond\": %.1f, \"minCosine\": %.5f}%n",
				texts.size(), oursPerSecond, theirsPerSecond, minCosine);
		System.exit(0);
	}

	private static double cosine(float[] a, float[] b) {
		double ab = 0;
		double aa = 0;
		double bb = 0;
		for (int i = 0; i < a.length; i++) {
			ab += a[i] * b[i];
			aa += a[i] * a[i];
			bb += b[i] * b[i];
		}
		return ab / Math.sqrt(aa * bb);
	}

}
