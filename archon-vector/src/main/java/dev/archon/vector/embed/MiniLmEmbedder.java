package dev.archon.vector.embed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.beans.factory.DisposableBean;

/**
 * The in-process all-MiniLM-L6-v2 (quantized): langchain4j's model, from the model file
 * and tokenizer its artifact ships, run on a fixed pool of {@code concurrency} workers
 * shared by all requests, each model call with {@code threads} ONNX intra-op threads. So
 * embedding never takes more than {@code threads × concurrency} cores, where
 * langchain4j's defaults (a pool with a thread per core, and ONNX's intra-op threads, one
 * per core, in every call) oversubscribe the two cores many times over under concurrent
 * requests.
 * <p>
 * A hand-written ONNX embedder (tokenizing once, batching texts of similar length) stood
 * here before. Under JMH on equal terms, the same pool and one intra-op thread, on an
 * idle machine, it made 0.83 times this model's throughput on batches of corpus chunks
 * and 0.90 times on single queries ({@code ./archon bench embedders}), so it gave way.
 * langchain4j runs one text per model call, which also keeps every vector independent of
 * the texts embedded beside it (the quantized model scales activations per tensor, so a
 * batch would shift its vectors a little).
 */
class MiniLmEmbedder implements Embedder, DisposableBean {

	static final String MODEL = "all-minilm-l6-v2-q";

	private static final int DIMENSION = 384;

	/** Longer than one model call takes on a busy machine. */
	private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

	private final ExecutorService workers;

	private final OrtSession session;

	private final PooledModel model;

	private final Timer timer;

	/**
	 * Loads the model.
	 * @param threads ONNX intra-op threads of one model call
	 * @param concurrency how many model calls run at once in this instance
	 * @param meterRegistry where the time of each request's embedding is recorded
	 */
	MiniLmEmbedder(int threads, int concurrency, MeterRegistry meterRegistry) {
		this.workers = Executors.newFixedThreadPool(concurrency,
				Thread.ofPlatform().name("embed-", 0).daemon().factory());
		try (InputStream onnx = resource(MODEL + ".onnx");
				InputStream tokenizer = resource(MODEL + "-tokenizer.json")) {
			OrtEnvironment environment = OrtEnvironment.getEnvironment();
			OrtSession.SessionOptions options = new OrtSession.SessionOptions();
			options.setIntraOpNumThreads(threads);
			options.setInterOpNumThreads(1);
			options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
			options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
			this.session = environment.createSession(onnx.readAllBytes(), options);
			this.model = new PooledModel(this.workers,
					new OnnxBertBiEncoder(environment, this.session, tokenizer, PoolingMode.MEAN));
		}
		catch (OrtException ex) {
			this.workers.shutdownNow();
			throw new IllegalStateException("Cannot load the ONNX model " + MODEL, ex);
		}
		catch (IOException ex) {
			this.workers.shutdownNow();
			throw new UncheckedIOException(ex);
		}
		this.timer = Timer.builder("archon.vector.embedding")
			.description("Time to embed the texts of one request")
			.tag("model", MODEL)
			.register(meterRegistry);
	}

	private static InputStream resource(String name) {
		InputStream in = MiniLmEmbedder.class.getClassLoader().getResourceAsStream(name);
		if (in == null) {
			throw new IllegalStateException(name + " is not on the classpath: it comes with langchain4j's model jar");
		}
		return in;
	}

	@Override
	public String model() {
		return MODEL;
	}

	@Override
	public int dimension() {
		return DIMENSION;
	}

	@Override
	public List<float[]> embed(List<String> texts) {
		for (int i = 0; i < texts.size(); i++) {
			if (!readable(texts.get(i))) {
				throw new UnreadableText(i);
			}
		}
		List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
		List<Embedding> embeddings = this.timer.record(() -> this.model.embedAll(segments).content());
		return embeddings.stream().map(Embedding::vector).toList();
	}

	/**
	 * Whether the tokenizer keeps anything of a text. Its normalizer (BERT's) drops
	 * whitespace, NUL, U+FFFD and every "other" code point (control, format, unassigned,
	 * private use, surrogate), and langchain4j refuses a text left with no token.
	 * @param text the text
	 * @return whether a character survives
	 */
	static boolean readable(String text) {
		return text.codePoints().anyMatch((c) -> {
			int type = Character.getType(c);
			return !Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != 0xFFFD && type != Character.CONTROL
					&& type != Character.FORMAT && type != Character.UNASSIGNED && type != Character.PRIVATE_USE
					&& type != Character.SURROGATE;
		});
	}

	/**
	 * Stops the workers, then closes the ONNX session once no model call runs: closing it
	 * under a running call crashes the JVM in native code (seen when a context closed
	 * while an ingestion was still embedding). A call that outlives the wait keeps the
	 * session, which the process's exit frees.
	 */
	@Override
	public void destroy() throws OrtException, InterruptedException {
		this.workers.shutdownNow();
		if (this.workers.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
			this.session.close();
		}
	}

	/**
	 * langchain4j's in-process model on the given pool, around an encoder whose session
	 * this class configured (its own constructors offer no session options).
	 */
	private static final class PooledModel extends AbstractInProcessEmbeddingModel {

		private final OnnxBertBiEncoder encoder;

		PooledModel(ExecutorService workers, OnnxBertBiEncoder encoder) {
			super(workers);
			this.encoder = encoder;
		}

		@Override
		protected OnnxBertBiEncoder model() {
			return this.encoder;
		}

		@Override
		protected Integer knownDimension() {
			return DIMENSION;
		}

	}

}
