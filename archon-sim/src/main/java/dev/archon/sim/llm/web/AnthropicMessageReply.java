package dev.archon.sim.llm.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.archon.sim.llm.Completion;
import dev.archon.sim.llm.Provider;
import dev.archon.sim.llm.ToolCall;
import dev.archon.sim.llm.Tokens;

/**
 * A message in Anthropic's shapes: a {@code message}, or its named events
 * ({@code message_start}, {@code content_block_start}, {@code ping}, one
 * {@code content_block_delta} with a {@code text_delta} per piece,
 * {@code content_block_stop}, {@code message_delta} with the stop reason and output
 * tokens, {@code message_stop}). A tool call is a {@code tool_use} content block with
 * {@code stop_reason: "tool_use"}; streamed, the block starts with an empty {@code input}
 * that {@code input_json_delta}s fill.
 */
final class AnthropicMessageReply implements Reply {

	private static final byte[] PING = "event: ping\ndata: {\"type\":\"ping\"}\n\n".getBytes(StandardCharsets.UTF_8);

	private static final byte[] BLOCK_START = ("event: content_block_start\ndata: {\"type\":\"content_block_start\","
			+ "\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n")
		.getBytes(StandardCharsets.UTF_8);

	private static final byte[] BLOCK_STOP = "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
		.getBytes(StandardCharsets.UTF_8);

	private static final byte[] MESSAGE_STOP = "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n"
		.getBytes(StandardCharsets.UTF_8);

	private static final String DELTA_START = "event: content_block_delta\ndata: {\"type\":\"content_block_delta\","
			+ "\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":";

	private static final String INPUT_DELTA_START = "event: content_block_delta\ndata: {\"type\":\"content_block_delta\","
			+ "\"index\":0,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":";

	private final String toolUseId = Ids.next("toolu_");

	private final String id = Ids.next("msg_");

	private final String model;

	private final Completion completion;

	private final boolean streaming;

	AnthropicMessageReply(String model, Completion completion, boolean streaming) {
		this.model = model;
		this.completion = completion;
		this.streaming = streaming;
	}

	@Override
	public Provider provider() {
		return Provider.ANTHROPIC;
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
		ObjectNode body = message(this.completion.text(), stopReason(), this.completion.completionTokens());
		ToolCall toolCall = this.completion.toolCall();
		if (toolCall != null) {
			ArrayNode content = body.putArray("content");
			toolUse(content.addObject(), toolCall).set("input",
					Json.read(toolCall.arguments().getBytes(StandardCharsets.UTF_8)));
		}
		return Json.bytes(body);
	}

	@Override
	public SseStream stream() {
		ObjectNode start = Json.object();
		start.put("type", "message_start");
		start.set("message", message(null, null, 1));
		ToolCall toolCall = this.completion.toolCall();
		byte[] blockStart = BLOCK_START;
		if (toolCall != null) {
			ObjectNode toolStart = Json.object();
			toolStart.put("type", "content_block_start");
			toolStart.put("index", 0);
			ObjectNode block = toolStart.putObject("content_block");
			toolUse(block, toolCall).putObject("input");
			blockStart = event("content_block_start", Json.string(toolStart));
		}
		List<byte[]> head = List.of(event("message_start", Json.string(start)), blockStart, PING);
		String deltaStart = (toolCall != null) ? INPUT_DELTA_START : DELTA_START;
		List<String> texts = Tokens.pieces((toolCall != null) ? toolCall.arguments() : this.completion.text());
		List<byte[]> pieces = new ArrayList<>(texts.size());
		for (String text : texts) {
			StringBuilder delta = new StringBuilder(deltaStart.length() + text.length() + 8).append(deltaStart);
			Json.quote(delta, text).append("}}\n\n");
			pieces.add(delta.toString().getBytes(StandardCharsets.UTF_8));
		}
		ObjectNode messageDelta = Json.object();
		messageDelta.put("type", "message_delta");
		ObjectNode delta = messageDelta.putObject("delta");
		delta.put("stop_reason", stopReason());
		delta.putNull("stop_sequence");
		messageDelta.putObject("usage").put("output_tokens", this.completion.completionTokens());
		List<byte[]> tail = List.of(BLOCK_STOP, event("message_delta", Json.string(messageDelta)), MESSAGE_STOP);
		return new SseStream(head, pieces, tail);
	}

	/**
	 * The message object: whole, or (without text) as {@code message_start} announces it.
	 */
	private ObjectNode message(@Nullable String text, @Nullable String stopReason, int outputTokens) {
		ObjectNode message = Json.object();
		message.put("id", this.id);
		message.put("type", "message");
		message.put("role", "assistant");
		message.put("model", this.model);
		ArrayNode content = message.putArray("content");
		if (text != null) {
			ObjectNode block = content.addObject();
			block.put("type", "text");
			block.put("text", text);
		}
		message.put("stop_reason", stopReason);
		message.putNull("stop_sequence");
		ObjectNode usage = message.putObject("usage");
		usage.put("input_tokens", this.completion.promptTokens());
		usage.put("cache_creation_input_tokens", 0);
		usage.put("cache_read_input_tokens", 0);
		usage.put("output_tokens", outputTokens);
		return message;
	}

	private ObjectNode toolUse(ObjectNode block, ToolCall toolCall) {
		block.put("type", "tool_use");
		block.put("id", this.toolUseId);
		block.put("name", toolCall.name());
		return block;
	}

	private String stopReason() {
		if (this.completion.toolCall() != null) {
			return "tool_use";
		}
		return this.completion.truncated() ? "max_tokens" : "end_turn";
	}

	private static byte[] event(String name, String json) {
		return ("event: " + name + "\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8);
	}

}
