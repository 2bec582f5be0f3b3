package dev.archon.agentgen.gateway.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import dev.archon.api.wire.gateway.ChatCompletionChunk;
import dev.archon.api.wire.gateway.OpenAiError;
import dev.archon.api.wire.gateway.TokenUsage;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * A streamed answer, written as OpenAI writes it: {@code data: <chunk>} events, the
 * role's first, then the text's, then the finish reason's, the usage's if asked for, and
 * {@code data: [DONE]}. Nothing is written before the first piece of text, so that until
 * then a failed provider can still be replaced, or the request answered with an error
 * status; a failure after it ends the stream with an error event and no {@code [DONE]},
 * which OpenAI's clients raise as an error.
 * <p>
 * Pieces arrive on the provider's stream thread, the end on the request's: writes are
 * synchronized. A client that has gone away is no longer written to, and its answer is
 * still counted, as the provider still charges for it.
 */
final class CompletionStream implements Consumer<String> {

	private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] END_OF_EVENT = "\n\n".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

	private final HttpServletResponse response;

	private final JsonMapper jsonMapper;

	private final String id;

	private final long created;

	private final String model;

	private @Nullable OutputStream out;

	private boolean clientGone;

	CompletionStream(HttpServletResponse response, JsonMapper jsonMapper, String id, long created, String model) {
		this.response = response;
		this.jsonMapper = jsonMapper;
		this.id = id;
		this.created = created;
		this.model = model;
	}

	@Override
	public synchronized void accept(String piece) {
		start();
		event(ChatCompletionChunk.of(this.id, this.created, this.model, new ChatCompletionChunk.Delta(null, piece),
				null));
	}

	synchronized boolean started() {
		return this.out != null;
	}

	/**
	 * Ends the stream after the whole answer.
	 * @param usage the tokens used, or {@code null} when the client did not ask for them
	 */
	synchronized void finish(@Nullable TokenUsage usage) {
		start();
		event(ChatCompletionChunk.of(this.id, this.created, this.model, ChatCompletionChunk.Delta.NONE, "stop"));
		if (usage != null) {
			event(ChatCompletionChunk.usage(this.id, this.created, this.model, usage));
		}
		write(DONE);
	}

	/**
	 * Ends a started stream with an error event.
	 * @param error what went wrong
	 */
	synchronized void fail(OpenAiError error) {
		event(error);
	}

	private void start() {
		if (this.out != null) {
			return;
		}
		this.response.setStatus(HttpServletResponse.SC_OK);
		this.response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
		this.response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		this.response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
		// NGINX would otherwise buffer the events and hand them on in lumps.
		this.response.setHeader("X-Accel-Buffering", "no");
		try {
			this.out = this.response.getOutputStream();
		}
		catch (IOException ex) {
			this.out = OutputStream.nullOutputStream();
			this.clientGone = true;
		}
		event(ChatCompletionChunk.of(this.id, this.created, this.model, new ChatCompletionChunk.Delta("assistant", ""),
				null));
	}

	private void event(Object body) {
		byte[] json = this.jsonMapper.writeValueAsBytes(body);
		byte[] event = new byte[DATA.length + json.length + END_OF_EVENT.length];
		System.arraycopy(DATA, 0, event, 0, DATA.length);
		System.arraycopy(json, 0, event, DATA.length, json.length);
		System.arraycopy(END_OF_EVENT, 0, event, DATA.length + json.length, END_OF_EVENT.length);
		write(event);
	}

	private void write(byte[] bytes) {
		if (this.clientGone || this.out == null) {
			return;
		}
		try {
			this.out.write(bytes);
			this.out.flush();
		}
		catch (IOException ex) {
			this.clientGone = true;
		}
	}

}
