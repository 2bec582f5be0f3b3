package dev.archon.sim.llm.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.node.ObjectNode;

import dev.archon.sim.llm.Completion;
import dev.archon.sim.llm.Provider;
import dev.archon.sim.llm.ToolCall;
import dev.archon.sim.llm.Tokens;

/**
 * A chat completion in OpenAI's shapes: {@code chat.completion}, or a stream of
 * {@code chat.completion.chunk} events (role chunk, one content delta per piece, the
 * chunk with {@code finish_reason}, the usage chunk with empty {@code choices} when
 * {@code stream_options.include_usage} is set, then {@code [DONE]}). A tool call comes as
 * the message's {@code tool_calls} with {@code finish_reason: "tool_calls"}; streamed,
 * its id and name come in the role chunk and its arguments in {@code tool_calls} deltas.
 */
final class OpenAiChatReply implements Reply {

	private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8);

	private final String id = Ids.next("chatcmpl-");

	private final long created = System.currentTimeMillis() / 1000;

	private final String toolCallId = Ids.next("call_");

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
		ToolCall toolCall = this.completion.toolCall();
		if (toolCall != null) {
			message.putNull("content");
			ObjectNode call = message.putArray("tool_calls").addObject();
			call.put("id", this.toolCallId);
			call.put("type", "function");
			call.putObject("function").put("name", toolCall.name()).put("arguments", toolCall.arguments());
		}
		else {
			message.put("content", this.completion.text());
		}
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
		ToolCall toolCall = this.completion.toolCall();
		String deltaStart = (toolCall != null)
				? "{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":"
				: "{\"index\":0,\"delta\":{\"content\":";
		String deltaEnd = (toolCall != null) ? "}}]}" : "}";
		List<String> texts = Tokens.pieces((toolCall != null) ? toolCall.arguments() : this.completion.text());
		List<byte[]> pieces = new ArrayList<>(texts.size());
		for (String text : texts) {
			StringBuilder chunk = new StringBuilder(start.length() + text.length() + 128).append(start)
				.append(deltaStart);
			Json.quote(chunk, text).append(deltaEnd).append(",\"logprobs\":null,\"finish_reason\":null}]").append(end);
			pieces.add(event(chunk));
		}
		StringBuilder role = new StringBuilder(start).append("{\"index\":0,\"delta\":{\"role\":\"assistant\",");
		if (toolCall != null) {
			role.append("\"content\":null,\"tool_calls\":[{\"index\":0,\"id\":\"")
				.append(this.toolCallId)
				.append("\",\"type\":\"function\",\"function\":{\"name\":");
			Json.quote(role, toolCall.name()).append(",\"arguments\":\"\"}}],");
		}
		else {
			role.append("\"content\":\"\",");
		}
		List<byte[]> head = List
			.of(event(role.append("\"refusal\":null},\"logprobs\":null,\"finish_reason\":null}]").append(end)));
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
		if (this.completion.toolCall() != null) {
			return "tool_calls";
		}
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
