package dev.archon.sim.llm.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.node.ObjectNode;

import dev.archon.sim.llm.Completion;
import dev.archon.sim.llm.Provider;
import dev.archon.sim.llm.Tokens;

/**
 * A chat completion in OpenAI's shapes: {@code chat.completion}, or a stream of
 * {@code chat.completion.chunk} events (role chunk, one content delta per piece, the
 * chunk with {@code finish_reason}, the usage chunk with empty {@code choices} when
 * {@code stream_options.include_usage} is set, then {@code [DONE]}).
 */
final class OpenAiChatReply implements Reply {

	private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8);

	private final String id = Ids.next("chatcmpl-");

	private final long created = System.currentTimeMillis() / 1000;

	private final String model;

	private final Completion completion;

	private final boolean streaming;

	private final boolean includeUsage;

	OpenAiChatReply(String model, Completion completion, boolean streaming, boolean includeUsage) {
		this.model = model;
		this.completion = completion;
		this.streaming = streaming;
		this.includeUsage = includeUsage;
	}

	@Override
	public Provider provider() {
		return Provider.OPENAI;
	}

	@Override
	public boolean streaming() {
		return this.streaming;
	}

	@Override
	public int completionTokens() {
		return this.completion.completionTokens();
	}

	@Override
	public byte[] body() {
		ObjectNode body = Json.object();
		body.put("id", this.id);
		body.put("object", "chat.completion");
		body.put("created", this.created);
		body.put("model", this.model);
		ObjectNode choice = body.putArray("choices").addObject();
		choice.put("index", 0);
		ObjectNode message = choice.putObject("message");
		message.put("role", "assistant");
		message.put("content", this.completion.text());
		message.putNull("refusal");
		choice.putNull("logprobs");
		choice.put("finish_reason", finishReason());
		usage(body.putObject("usage"));
		body.put("system_fingerprint", "fp_archon_sim");
		return Json.bytes(body);
	}

	@Override
	public SseStream stream() {
		StringBuilder prefix = new StringBuilder(160).append("{\"id\":\"")
			.append(this.id)
			.append("\",\"object\":\"chat.completion.chunk\",\"created\":")
			.append(this.created)
			.append(",\"model\":");
		Json.quote(prefix, this.model).append(",\"system_fingerprint\":\"fp_archon_sim\",\"choices\":[");
		String start = prefix.toString();
		String end = this.includeUsage ? ",\"usage\":null}" : "}";
		List<String> texts = Tokens.pieces(this.completion.text());
		List<byte[]> pieces = new ArrayList<>(texts.size());
		for (String text : texts) {
			StringBuilder chunk = new StringBuilder(start.length() + text.length() + 96).append(start)
				.append("{\"index\":0,\"delta\":{\"content\":");
			Json.quote(chunk, text).append("},\"logprobs\":null,\"finish_reason\":null}]").append(end);
			pieces.add(event(chunk));
		}
		List<byte[]> head = List.of(event(new StringBuilder(start)
			.append("{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null},")
			.append("\"logprobs\":null,\"finish_reason\":null}]")
			.append(end)));
		List<byte[]> tail = new ArrayList<>(3);
		tail.add(event(
				new StringBuilder(start).append("{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"")
					.append(finishReason())
					.append("\"}]")
					.append(end)));
		if (this.includeUsage) {
			ObjectNode usage = Json.object();
			usage(usage);
			tail.add(event(new StringBuilder(start).append("],\"usage\":").append(Json.string(usage)).append('}')));
		}
		tail.add(DONE);
		return new SseStream(head, pieces, tail);
	}

	private String finishReason() {
		return this.completion.truncated() ? "length" : "stop";
	}

	private void usage(ObjectNode usage) {
		usage.put("prompt_tokens", this.completion.promptTokens());
		usage.put("completion_tokens", this.completion.completionTokens());
		usage.put("total_tokens", this.completion.promptTokens() + this.completion.completionTokens());
	}

	private static byte[] event(StringBuilder json) {
		return ("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8);
	}

}
