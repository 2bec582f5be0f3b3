package dev.archon.vector.embed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
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
 * {@link OnnxEmbedder} against langchain4j's all-MiniLM-L6-v2 (quantized) on equal terms:
 * the same model file, one ONNX intra-op thread per call and the same fixed pool of two
 * workers, so that the difference is the code around the model. Two operations: a batch
 * of corpus chunks (ingestion), and one query (search). Both truncate at 128 tokens:
 * langchain4j's tokenizer file says so, and the service's default
 * ({@code archon.vector.embedding.max-sequence-tokens}) matches it, so that the vectors
 * are the same; that file also pads every text to 128 tokens, which langchain4j keeps and
 * OnnxEmbedder does not. The corpus is {@code -Dcorpus=DIR}, the Markdown pages the
 * service ingests.
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
	 * The service's defaults: one text per model call, one intra-op thread, two workers.
	 */
	private static final int WORKERS = 2;

	private static final int MAX_TOKENS = 128;

	@Param({ "archon", "langchain4j" })
	public String embedder;

	private Embedder subject;

	private ExecutorService langchainWorkers;

	private List<String> chunks;

	@Setup(Level.Trial)
	public void setUp() {
		this.chunks = chunks(Path.of(System.getProperty("corpus")));
		this.subject = switch (this.embedder) {
			case "archon" -> new OnnxEmbedder(1, 1, WORKERS, MAX_TOKENS, new SimpleMeterRegistry());
			case "langchain4j" -> langchain4j();
			default -> throw new IllegalArgumentException("Unknown embedder " + this.embedder);
		};
	}

	@TearDown(Level.Trial)
	public void tearDown() throws Exception {
		if (this.subject instanceof OnnxEmbedder onnx) {
			onnx.destroy();
		}
		if (this.langchainWorkers != null) {
			this.langchainWorkers.shutdownNow();
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

	private Embedder langchain4j() {
		this.langchainWorkers = Executors.newFixedThreadPool(WORKERS);
		OneIntraOpThreadModel model = new OneIntraOpThreadModel(this.langchainWorkers);
		return new Embedder() {

			@Override
			public String model() {
				return "langchain4j " + OnnxEmbedder.MODEL;
			}

			@Override
			public int dimension() {
				return 384;
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

	/**
	 * langchain4j's quantized all-MiniLM-L6-v2 from its own artifact, with a session of
	 * one intra-op thread instead of ONNX Runtime's default of one per core.
	 */
	static final class OneIntraOpThreadModel extends AbstractInProcessEmbeddingModel {

		private final OnnxBertBiEncoder model;

		OneIntraOpThreadModel(ExecutorService executor) {
			super(executor);
			try (InputStream onnx = resource(OnnxEmbedder.MODEL + ".onnx");
					InputStream tokenizer = resource(OnnxEmbedder.MODEL + "-tokenizer.json")) {
				OrtEnvironment environment = OrtEnvironment.getEnvironment();
				OrtSession.SessionOptions options = new OrtSession.SessionOptions();
				options.setIntraOpNumThreads(1);
				this.model = new OnnxBertBiEncoder(environment, environment.createSession(onnx.readAllBytes(), options),
						tokenizer, PoolingMode.MEAN);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (OrtException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private static InputStream resource(String name) {
			InputStream in = EmbeddersBenchmark.class.getClassLoader().getResourceAsStream(name);
			if (in == null) {
				throw new IllegalStateException(name + " is not on the classpath");
			}
			return in;
		}

		@Override
		protected OnnxBertBiEncoder model() {
			return this.model;
		}

		@Override
		protected Integer knownDimension() {
			return 384;
		}

	}

}
