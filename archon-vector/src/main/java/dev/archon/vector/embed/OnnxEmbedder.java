package dev.archon.vector.embed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.beans.factory.DisposableBean;

/**
 * The in-process all-MiniLM-L6-v2 (quantized) through ONNX Runtime, with the model and
 * tokenizer that langchain4j's artifact ships. langchain4j's own
 * {@code AllMiniLmL6V2QuantizedEmbeddingModel} runs one ONNX call per text, each as a
 * future on a pool of its own (one thread per core unless given an executor), with ONNX's
 * default intra-op threads (one per core) in every call, and tokenizes every text three
 * times: under concurrent requests that oversubscribes the two cores many times over.
 * Here a fixed pool of {@code concurrency} workers, shared by all requests, runs the
 * model calls, each with {@code threads} intra-op threads, so embedding never takes more
 * than {@code threads × concurrency} cores, and every text is tokenized once.
 * <p>
 * What is left once both run on equal terms, measured under JMH by
 * {@code ./archon bench embedders} against langchain4j's model on the same fixed pool of
 * two workers with one intra-op thread (figures in {@code bench/results/embedders.json}),
 * on an otherwise idle machine (load average 1.3 on two cores): 0.83 times langchain4j's
 * throughput on batches of 64 corpus chunks (123 ± 25 against 149 ± 12 chunks/s) and 0.90
 * times on single queries (472 ± 248 against 521 ± 161 queries/s, within the noise). The
 * gap that justified this class does not survive a fair comparison: it is to give way to
 * langchain4j's model built on such a pool. Two earlier runs on a busy machine (load
 * average 11 to 21) had shown 1.06 to 1.11 times on batches and 1.87 to 2.51 on queries,
 * which the idle run does not confirm. An earlier figure of 1.46 times on batches
 * compared against langchain4j's default executor and ONNX's default threads, not the
 * code around the model. Several texts per call (padded, similar lengths together) are
 * possible but not the default: they were no faster, and since the quantized model
 * quantizes activations with one scale per tensor, the other texts of a batch shift a
 * vector (cosine down to 0.984 against the same text alone). With one text per call the
 * vectors are langchain4j's own.
 */
class OnnxEmbedder implements Embedder, DisposableBean {

	static final String MODEL = "all-minilm-l6-v2-q";

	private static final int DIMENSION = 384;

	private final OrtEnvironment environment;

	private final OrtSession session;

	private final HuggingFaceTokenizer tokenizer;

	private final boolean wantsTokenTypes;

	private final int batchSize;

	private final ExecutorService workers;

	private final Timer timer;

	private final DistributionSummary batchSizes;

	OnnxEmbedder(int batchSize, int threads, int concurrency, int maxSequenceTokens, MeterRegistry meterRegistry) {
		this.batchSize = batchSize;
		this.workers = Executors.newFixedThreadPool(concurrency,
				Thread.ofPlatform().name("onnx-embed-", 0).daemon().factory());
		try {
			this.environment = OrtEnvironment.getEnvironment();
			OrtSession.SessionOptions options = new OrtSession.SessionOptions();
			options.setIntraOpNumThreads(threads);
			options.setInterOpNumThreads(1);
			options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
			options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
			this.session = this.environment.createSession(resource(MODEL + ".onnx"), options);
			this.wantsTokenTypes = this.session.getInputNames().contains("token_type_ids");
			Map<String, String> tokenizerOptions = new HashMap<>();
			tokenizerOptions.put("padding", "false");
			tokenizerOptions.put("truncation", "true");
			tokenizerOptions.put("maxLength", Integer.toString(maxSequenceTokens));
			try (InputStream in = getClass().getClassLoader().getResourceAsStream(MODEL + "-tokenizer.json")) {
				if (in == null) {
					throw new IllegalStateException("The tokenizer of " + MODEL + " is not on the classpath");
				}
				this.tokenizer = HuggingFaceTokenizer.newInstance(in, tokenizerOptions);
			}
		}
		catch (OrtException ex) {
			throw new IllegalStateException("Cannot load the ONNX model " + MODEL, ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.timer = Timer.builder("archon.vector.embedding")
			.description("Time of one model call")
			.tag("model", MODEL)
			.register(meterRegistry);
		this.batchSizes = DistributionSummary.builder("archon.vector.embedding.batch")
			.description("Texts per model call")
			.tag("model", MODEL)
			.register(meterRegistry);
	}

	private byte[] resource(String name) throws IOException {
		try (InputStream in = getClass().getClassLoader().getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("The model " + name + " is not on the classpath");
			}
			return in.readAllBytes();
		}
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
		Encoding[] encodings = new Encoding[texts.size()];
		for (int i = 0; i < texts.size(); i++) {
			encodings[i] = this.tokenizer.encode(texts.get(i));
		}
		// Texts of similar length share a batch, so that padding wastes little work.
		Integer[] order = new Integer[texts.size()];
		Arrays.setAll(order, (i) -> i);
		Arrays.sort(order, Comparator.comparingInt((Integer i) -> encodings[i].getIds().length));
		List<int[]> batches = new ArrayList<>();
		for (int start = 0; start < order.length; start += this.batchSize) {
			int[] batch = new int[Math.min(this.batchSize, order.length - start)];
			for (int j = 0; j < batch.length; j++) {
				batch[j] = order[start + j];
			}
			batches.add(batch);
		}
		List<Future<float[][]>> futures = new ArrayList<>(batches.size());
		for (int[] batch : batches) {
			futures.add(this.workers.submit(() -> embedBatch(batch, encodings)));
		}
		float[][] vectors = new float[texts.size()][];
		for (int b = 0; b < batches.size(); b++) {
			float[][] embedded = result(futures.get(b));
			int[] batch = batches.get(b);
			for (int j = 0; j < batch.length; j++) {
				vectors[batch[j]] = embedded[j];
			}
		}
		return Arrays.asList(vectors);
	}

	private static float[][] result(Future<float[][]> future) {
		try {
			return future.get();
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime
					: new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while embedding", ex);
		}
	}

	private float[][] embedBatch(int[] batch, Encoding[] encodings) {
		int length = 0;
		for (int index : batch) {
			length = Math.max(length, encodings[index].getIds().length);
		}
		long[][] ids = new long[batch.length][length];
		long[][] mask = new long[batch.length][length];
		long[][] types = new long[batch.length][length];
		for (int j = 0; j < batch.length; j++) {
			Encoding encoding = encodings[batch[j]];
			System.arraycopy(encoding.getIds(), 0, ids[j], 0, encoding.getIds().length);
			System.arraycopy(encoding.getAttentionMask(), 0, mask[j], 0, encoding.getAttentionMask().length);
			System.arraycopy(encoding.getTypeIds(), 0, types[j], 0, encoding.getTypeIds().length);
		}
		long started = System.nanoTime();
		try (OnnxTensor idTensor = OnnxTensor.createTensor(this.environment, ids);
				OnnxTensor maskTensor = OnnxTensor.createTensor(this.environment, mask);
				OnnxTensor typeTensor = OnnxTensor.createTensor(this.environment, types)) {
			Map<String, OnnxTensor> inputs = new HashMap<>();
			inputs.put("input_ids", idTensor);
			inputs.put("attention_mask", maskTensor);
			if (this.wantsTokenTypes) {
				inputs.put("token_type_ids", typeTensor);
			}
			try (OrtSession.Result result = this.session.run(inputs)) {
				float[][][] hidden = (float[][][]) result.get(0).getValue();
				return meanPool(hidden, mask);
			}
		}
		catch (OrtException ex) {
			throw new IllegalStateException("The ONNX model failed to embed a batch", ex);
		}
		finally {
			this.timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
			this.batchSizes.record(batch.length);
		}
	}

	private static float[][] meanPool(float[][][] hidden, long[][] mask) {
		float[][] pooled = new float[hidden.length][];
		for (int j = 0; j < hidden.length; j++) {
			float[] sum = new float[hidden[j][0].length];
			int tokens = 0;
			for (int t = 0; t < hidden[j].length; t++) {
				if (mask[j][t] == 0) {
					continue;
				}
				tokens++;
				float[] token = hidden[j][t];
				for (int d = 0; d < sum.length; d++) {
					sum[d] += token[d];
				}
			}
			for (int d = 0; d < sum.length; d++) {
				sum[d] /= Math.max(tokens, 1);
			}
			pooled[j] = Embedder.normalize(sum);
		}
		return pooled;
	}

	@Override
	public void destroy() throws OrtException {
		this.workers.shutdownNow();
		this.session.close();
		this.tokenizer.close();
	}

}
