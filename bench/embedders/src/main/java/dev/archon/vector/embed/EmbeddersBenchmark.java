package dev.archon.vector.embed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import dev.archon.vector.chunk.Chunk;
import dev.archon.vector.chunk.MarkdownChunker;

/**
 * The service's embedder ({@link MiniLmEmbedder}: langchain4j's all-MiniLM-L6-v2
 * (quantized) on a fixed pool of two workers, one ONNX intra-op thread per call) against
 * the same model with langchain4j's defaults (a thread per core, and ONNX's default
 * intra-op threads, one per core, in every call): what the bounded pool costs or gains
 * for one caller. Two operations: a batch of corpus chunks (ingestion), and one query
 * (search). The corpus is {@code -Dcorpus=DIR}, the Markdown pages the service ingests.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 4, time = 10)
public class EmbeddersBenchmark {

	private static final int CHUNKS = 64;

	private static final String QUERY = "How do I use a local model served by Ollama?";

	/**
	 * The service's defaults ({@code archon.vector.embedding}).
	 */
	private static final int THREADS = 1;

	private static final int WORKERS = 2;

	@Param({ "service", "langchain4j-defaults" })
	public String embedder;

	private Embedder subject;

	private List<String> chunks;

	@Setup(Level.Trial)
	public void setUp() {
		this.chunks = chunks(Path.of(System.getProperty("corpus")));
		this.subject = switch (this.embedder) {
			case "service" -> new MiniLmEmbedder(THREADS, WORKERS, new SimpleMeterRegistry());
			case "langchain4j-defaults" -> langchain4jDefaults();
			default -> throw new IllegalArgumentException("Unknown embedder " + this.embedder);
		};
	}

	@TearDown(Level.Trial)
	public void tearDown() throws Exception {
		if (this.subject instanceof MiniLmEmbedder service) {
			service.destroy();
		}
	}

	/**
	 * Chunks embedded per second, 64 at a time as an ingestion request embeds them.
	 * @return the vectors, so that the JIT keeps the work
	 */
	@Benchmark
	@OperationsPerInvocation(CHUNKS)
	public List<float[]> batch() {
		return this.subject.embed(this.chunks);
	}

	/**
	 * Queries embedded per second, one at a time as a search embeds its query.
	 * @return the vector
	 */
	@Benchmark
	public List<float[]> query() {
		return this.subject.embed(List.of(QUERY));
	}

	private static Embedder langchain4jDefaults() {
		AllMiniLmL6V2QuantizedEmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
		return new Embedder() {

			@Override
			public String model() {
				return "langchain4j " + MiniLmEmbedder.MODEL;
			}

			@Override
			public int dimension() {
				return model.dimension();
			}

			@Override
			public List<float[]> embed(List<String> texts) {
				return model.embedAll(texts.stream().map(TextSegment::from).toList())
					.content()
					.stream()
					.map(Embedding::vector)
					.toList();
			}

		};
	}

	/**
	 * The corpus's chunks as the service makes them, 64 spread evenly over the corpus.
	 */
	private static List<String> chunks(Path corpus) {
		MarkdownChunker chunker = new MarkdownChunker(1500, 150, 6000);
		List<String> all = new ArrayList<>();
		try (Stream<Path> files = Files.walk(corpus)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".md")).sorted().toList()) {
				for (Chunk chunk : chunker.chunk(file.getFileName().toString(), Files.readString(file))) {
					all.add(chunk.title() + "\n\n" + chunk.content());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<String> sample = new ArrayList<>(CHUNKS);
		for (int i = 0; i < CHUNKS; i++) {
			sample.add(all.get(i * all.size() / CHUNKS));
		}
		return sample;
	}

}
