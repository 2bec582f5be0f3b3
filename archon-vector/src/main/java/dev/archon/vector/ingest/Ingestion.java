package dev.archon.vector.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import dev.archon.vector.VectorProperties;
import dev.archon.vector.chunk.Chunk;
import dev.archon.vector.chunk.MarkdownChunker;
import dev.archon.vector.embed.Embedder;
import dev.archon.vector.pages.Corpus;
import dev.archon.vector.pages.Pages;
import dev.archon.vector.pages.Pages.NewChunk;
import dev.archon.vector.summary.Summarizer;
import dev.archon.vector.summary.Titled;

import org.springframework.stereotype.Service;

/**
 * Chunks, embeds and stores pages. Chunks of several pages are embedded together so that
 * the model's workers stay busy, and each finished page is stored (one transaction per
 * page) on another thread while the next pages are embedded: PostgreSQL's work then
 * overlaps the model's, and ingestion runs close to the model's own speed.
 */
@Service
public class Ingestion {

	/**
	 * Chunks embedded together: enough to keep every model worker busy, few enough that
	 * storing starts early.
	 */
	private static final int EMBED_GROUP = 64;

	private final MarkdownChunker chunker;

	private final Embedder embedder;

	private final Summarizer summarizer;

	private final Pages pages;

	private final Corpus corpus;

	private final JsonMapper json;

	private final Counter storedChunks;

	Ingestion(VectorProperties properties, Embedder embedder, Summarizer summarizer, Pages pages, Corpus corpus,
			JsonMapper json, MeterRegistry meterRegistry) {
		this.summarizer = summarizer;
		VectorProperties.Chunking chunking = properties.chunking();
		this.chunker = new MarkdownChunker(chunking.targetSize(), chunking.overlap(), chunking.maxFence());
		this.embedder = embedder;
		this.pages = pages;
		this.corpus = corpus;
		this.json = json;
		this.storedChunks = Counter.builder("archon.vector.ingest.chunks")
			.description("Chunks stored by ingestion")
			.register(meterRegistry);
	}

	/**
	 * Stores pages into a source, replacing earlier versions of the same pages.
	 * @param source the source
	 * @param documents the pages
	 * @return counts and timings
	 */
	public IngestionReport ingest(String source, List<Document> documents) {
		long started = System.nanoTime();
		AtomicLong storingNanos = new AtomicLong();
		long chunkingNanos = 0;
		long embeddingNanos = 0;
		int chunkCount = 0;
		List<Future<?>> stored = new ArrayList<>();
		try (ExecutorService store = Executors.newSingleThreadExecutor(Thread.ofVirtual().factory())) {
			List<Chunked> group = new ArrayList<>();
			int groupChunks = 0;
			for (int i = 0; i < documents.size(); i++) {
				long chunkingStarted = System.nanoTime();
				Document document = documents.get(i);
				List<Chunk> chunks = this.chunker.chunk(title(document), document.content());
				chunkingNanos += System.nanoTime() - chunkingStarted;
				group.add(new Chunked(document, chunks));
				groupChunks += chunks.size();
				chunkCount += chunks.size();
				if (groupChunks >= EMBED_GROUP || i == documents.size() - 1) {
					long embeddingStarted = System.nanoTime();
					List<List<NewChunk>> embedded = embed(group);
					embeddingNanos += System.nanoTime() - embeddingStarted;
					for (int j = 0; j < group.size(); j++) {
						String url = group.get(j).document().url();
						List<NewChunk> pageChunks = embedded.get(j);
						stored.add(store.submit(() -> {
							long storingStarted = System.nanoTime();
							this.pages.replace(source, url, pageChunks);
							storingNanos.addAndGet(System.nanoTime() - storingStarted);
						}));
					}
					group = new ArrayList<>();
					groupChunks = 0;
				}
			}
			for (Future<?> future : stored) {
				future.get();
			}
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime
					: new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while storing pages", ex);
		}
		finally {
			if (!stored.isEmpty()) {
				this.corpus.bump();
			}
		}
		this.storedChunks.increment(chunkCount);
		long totalNanos = System.nanoTime() - started;
		return new IngestionReport(documents.size(), chunkCount, millis(chunkingNanos), millis(embeddingNanos),
				millis(storingNanos.get()), millis(totalNanos), (totalNanos > 0) ? chunkCount / (totalNanos / 1e9) : 0);
	}

	private List<List<NewChunk>> embed(List<Chunked> group) {
		List<Chunk> all = new ArrayList<>();
		List<String> texts = new ArrayList<>();
		for (Chunked chunked : group) {
			for (Chunk chunk : chunked.chunks()) {
				all.add(chunk);
				// The title goes into the embedded text: a chunk deep in a page often
				// does not
				// name what it is about, its heading does.
				texts.add(chunk.title() + "\n\n" + chunk.content());
			}
		}
		// Titles and summaries (an LLM's, when one is configured) arrive while the model
		// embeds.
		Summarizer.Pending titles = this.summarizer.start(all);
		List<float[]> vectors = this.embedder.embed(texts);
		List<List<NewChunk>> embedded = new ArrayList<>(group.size());
		int next = 0;
		for (Chunked chunked : group) {
			String metadata = this.json.writeValueAsString(chunked.document().metadata());
			List<NewChunk> pageChunks = new ArrayList<>(chunked.chunks().size());
			for (Chunk chunk : chunked.chunks()) {
				// The overlap only helps the embedding; the stored text is the chunk's
				// own part,
				// so that a page's chunks joined give back the page.
				Titled titled = titles.get(next);
				pageChunks.add(new NewChunk(chunk.number(), titled.title(), titled.summary(), chunk.own(), metadata,
						vectors.get(next++)));
			}
			embedded.add(pageChunks);
		}
		return embedded;
	}

	private static String title(Document document) {
		return (document.title() != null && !document.title().isBlank()) ? document.title() : document.url();
	}

	private static long millis(long nanos) {
		return TimeUnit.NANOSECONDS.toMillis(nanos);
	}

	private record Chunked(Document document, List<Chunk> chunks) {

	}

}
