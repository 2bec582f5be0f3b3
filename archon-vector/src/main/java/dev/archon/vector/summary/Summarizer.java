package dev.archon.vector.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.archon.vector.VectorProperties;
import dev.archon.vector.chunk.Chunk;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Titles and summarizes chunks. By default from the chunker's heading and first
 * sentences; when {@code archon.vector.summaries.base-url} names an OpenAI-compatible
 * endpoint, from that LLM, a bounded number of chunks at a time on virtual threads, while
 * the caller embeds. Any failure of the LLM for a chunk (error, timeout, an answer that
 * is not the expected JSON) falls back to the heuristic for that chunk and counts in
 * {@code archon.vector.summaries{outcome=fallback}}: summaries never fail an ingestion.
 */
@Component
public class Summarizer implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(Summarizer.class);

	static final String SYSTEM_PROMPT = """
			You title and summarize one chunk of technical documentation for a search index.
			Answer with a JSON object and nothing else: {"title": "...", "summary": "..."}.
			The title names what the chunk is about in at most ten words (its heading, if it has a good one).
			The summary says in one or two sentences what a reader learns from the chunk.""";

	private static final int MAX_TITLE = 200;

	private static final int MAX_SUMMARY = 1000;

	private final @Nullable ChatModel model;

	private final VectorProperties.Summaries settings;

	private final JsonMapper json;

	private final Semaphore permits;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	/**
	 * How long to wait for one chunk's answer. The model's own timeout ends a call; this
	 * bound only guards against a client that does not honour it, with room for its
	 * retries.
	 */
	private final long answerWaitMillis;

	private final Counter fromLlm;

	private final Counter fallbacks;

	Summarizer(ObjectProvider<ChatModel> model, VectorProperties properties, JsonMapper json,
			MeterRegistry meterRegistry) {
		this.model = model.getIfAvailable();
		this.settings = properties.summaries();
		this.json = json;
		this.permits = new Semaphore(this.settings.concurrency());
		this.answerWaitMillis = this.settings.timeout().toMillis() * (this.settings.maxRetries() + 2L);
		this.fromLlm = counter(meterRegistry, "llm");
		this.fallbacks = counter(meterRegistry, "fallback");
	}

	private static Counter counter(MeterRegistry registry, String outcome) {
		return Counter.builder("archon.vector.summaries")
			.description("Chunk titles and summaries written by the LLM, or by the heuristic after an LLM failure")
			.tag("outcome", outcome)
			.register(registry);
	}

	/**
	 * Starts titling and summarizing chunks.
	 * @param chunks the chunks
	 * @return their titles and summaries, to be read once the caller is done embedding
	 */
	public Pending start(List<Chunk> chunks) {
		ChatModel llm = this.model;
		if (llm == null) {
			return new Pending(chunks, List.of());
		}
		List<CompletableFuture<Titled>> futures = new ArrayList<>(chunks.size());
		for (Chunk chunk : chunks) {
			futures.add(CompletableFuture.supplyAsync(() -> ask(llm, chunk), this.executor));
		}
		return new Pending(chunks, futures);
	}

	private Titled ask(ChatModel model, Chunk chunk) {
		this.permits.acquireUninterruptibly();
		try {
			String text = chunk.title() + "\n\n" + chunk.content();
			if (text.length() > this.settings.maxCharacters()) {
				text = text.substring(0, this.settings.maxCharacters());
			}
			String answer = model
				.chat(ChatRequest.builder().messages(SystemMessage.from(SYSTEM_PROMPT), UserMessage.from(text)).build())
				.aiMessage()
				.text();
			return parse(answer);
		}
		finally {
			this.permits.release();
		}
	}

	Titled parse(@Nullable String answer) {
		if (answer == null) {
			throw new IllegalArgumentException("The LLM answered no text");
		}
		String body = answer.strip();
		// Models like to wrap JSON in a Markdown fence although asked not to.
		int open = body.indexOf('{');
		int close = body.lastIndexOf('}');
		if (open < 0 || close < open) {
			throw new IllegalArgumentException("The LLM's answer is not a JSON object");
		}
		JsonNode node = this.json.readTree(body.substring(open, close + 1));
		String title = node.path("title").asString("").strip();
		String summary = node.path("summary").asString("").strip();
		if (title.isEmpty() || summary.isEmpty()) {
			throw new IllegalArgumentException("The LLM's answer lacks a title or a summary");
		}
		return new Titled(cap(title, MAX_TITLE), cap(summary, MAX_SUMMARY));
	}

	private static String cap(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max);
	}

	private static Titled heuristic(Chunk chunk) {
		return new Titled(chunk.title(), chunk.summary());
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

	/**
	 * Titles and summaries on their way.
	 */
	public final class Pending {

		private final List<Chunk> chunks;

		/** One per chunk, or none when no LLM is configured. */
		private final List<CompletableFuture<Titled>> futures;

		private boolean warned;

		private Pending(List<Chunk> chunks, List<CompletableFuture<Titled>> futures) {
			this.chunks = chunks;
			this.futures = futures;
		}

		/**
		 * The title and summary of one chunk, waiting for the LLM if need be.
		 * @param index the chunk's place in the list given to {@link #start}
		 * @return the LLM's title and summary, or the heuristic's when the LLM failed
		 */
		public Titled get(int index) {
			Chunk chunk = this.chunks.get(index);
			if (Summarizer.this.model == null) {
				return heuristic(chunk);
			}
			CompletableFuture<Titled> future = this.futures.get(index);
			try {
				Titled titled = future.get(Summarizer.this.answerWaitMillis, TimeUnit.MILLISECONDS);
				Summarizer.this.fromLlm.increment();
				return titled;
			}
			catch (ExecutionException | TimeoutException | RuntimeException ex) {
				future.cancel(true);
				Summarizer.this.fallbacks.increment();
				Throwable cause = (ex instanceof ExecutionException && ex.getCause() != null) ? ex.getCause() : ex;
				// Once per batch: an LLM that is down would otherwise log every chunk.
				if (!this.warned) {
					this.warned = true;
					logger.warn(
							"The LLM did not title chunk {} ({}): using headings and first sentences; "
									+ "archon.vector.summaries{outcome=fallback} counts such chunks",
							chunk.number(), cause.toString());
				}
				return heuristic(chunk);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				Summarizer.this.fallbacks.increment();
				return heuristic(chunk);
			}
		}

	}

}
