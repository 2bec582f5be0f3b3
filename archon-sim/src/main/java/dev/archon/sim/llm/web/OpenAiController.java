package dev.archon.sim.llm.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.archon.sim.llm.Completion;
import dev.archon.sim.llm.Conversation;
import dev.archon.sim.llm.Embeddings;
import dev.archon.sim.llm.LlmStats;
import dev.archon.sim.llm.Provider;
import dev.archon.sim.llm.StepAnswers;
import dev.archon.sim.llm.Tokens;

/**
 * The OpenAI-compatible API: chat completions (streamed or not), embeddings and the model
 * list. Any non-empty bearer key is accepted, as a local server would, but one must be
 * sent, as the real service requires.
 */
@RestController
class OpenAiController {

	private static final int DEFAULT_DIMENSIONS = 1536;

	private static final int MAX_DIMENSIONS = 8192;

	private static final List<String> MODELS = List.of("gpt-4o-mini", "gpt-4o", "gpt-4.1", "o3-mini",
			"text-embedding-3-small", "text-embedding-3-large");

	private static final byte[] MODEL_LIST = modelList();

	private final StepAnswers answers;

	private final Delivery delivery;

	private final LlmStats stats;

	OpenAiController(StepAnswers answers, Delivery delivery, LlmStats stats) {
		this.answers = answers;
		this.delivery = delivery;
		this.stats = stats;
	}

	@PostMapping("/v1/chat/completions")
	void chatCompletions(@RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
			HttpServletRequest http, HttpServletResponse response) throws IOException {
		byte[] body = http.getInputStream().readAllBytes();
		this.stats.received(Provider.OPENAI);
		JsonNode request = accept(authorization, body, response);
		if (request == null) {
			return;
		}
		String model = request.path("model").asString("");
		if (model.isBlank()) {
			invalid(response, "you must provide a model parameter", "model");
			return;
		}
		if (request.path("messages").isEmpty()) {
			invalid(response, "[] is too short - 'messages'", "messages");
			return;
		}
		boolean streaming = request.path("stream").asBoolean(false);
		boolean includeUsage = request.path("stream_options").path("include_usage").asBoolean(false);
		int maxTokens = request.path("max_completion_tokens").asInt(request.path("max_tokens").asInt(0));
		Completion completion = this.answers.complete(Conversation.fromOpenAi(request), maxTokens);
		this.stats.accepted(Provider.OPENAI, completion.step().id(), streaming, completion.promptTokens());
		this.delivery.deliver(new OpenAiChatReply(model, completion, streaming, includeUsage), response);
	}

	@PostMapping("/v1/embeddings")
	void embeddings(@RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
			HttpServletRequest http, HttpServletResponse response) throws IOException {
		byte[] body = http.getInputStream().readAllBytes();
		this.stats.received(Provider.OPENAI);
		JsonNode request = accept(authorization, body, response);
		if (request == null) {
			return;
		}
		String model = request.path("model").asString("");
		List<String> inputs = inputs(request.path("input"));
		int dimensions = request.path("dimensions").asInt(DEFAULT_DIMENSIONS);
		if (model.isBlank()) {
			invalid(response, "you must provide a model parameter", "model");
			return;
		}
		if (inputs.isEmpty()) {
			invalid(response, "'input' must be a non-empty string or array of strings", "input");
			return;
		}
		if (dimensions < 1 || dimensions > MAX_DIMENSIONS) {
			invalid(response, "'dimensions' must be between 1 and " + MAX_DIMENSIONS, "dimensions");
			return;
		}
		boolean base64 = request.path("encoding_format").asString("float").equals("base64");
		int tokens = 0;
		for (String input : inputs) {
			tokens += Tokens.count(input);
		}
		this.stats.accepted(Provider.OPENAI, "embeddings", false, tokens);
		this.delivery.deliver(new EmbeddingReply(model, inputs, dimensions, base64, tokens), response);
	}

	@GetMapping("/v1/models")
	void models(@RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
			HttpServletResponse response) throws IOException {
		if (!hasKey(authorization)) {
			unauthorized(response);
			return;
		}
		response.setContentType("application/json");
		response.getOutputStream().write(MODEL_LIST);
	}

	/**
	 * Checks the key and parses the body, answering the error itself when either fails.
	 * @return the request, or {@code null} if an error was answered
	 */
	private static @Nullable JsonNode accept(@Nullable String authorization, byte @Nullable [] body,
			HttpServletResponse response) throws IOException {
		response.setHeader("x-request-id", Ids.next("req_"));
		if (!hasKey(authorization)) {
			unauthorized(response);
			return null;
		}
		try {
			JsonNode request = (body != null) ? Json.read(body) : null;
			if (request != null && request.isObject()) {
				return request;
			}
		}
		catch (RuntimeException ex) {
			// answered below, as OpenAI answers any body it cannot parse
		}
		invalid(response, "We could not parse the JSON body of your request. The OpenAI API expects a JSON payload.",
				null);
		return null;
	}

	private static boolean hasKey(@Nullable String authorization) {
		return authorization != null && authorization.startsWith("Bearer ")
				&& !authorization.substring("Bearer ".length()).isBlank();
	}

	private static void unauthorized(HttpServletResponse response) throws IOException {
		ProviderErrors.write(response, Provider.OPENAI, 401, null,
				"You didn't provide an API key. You need to provide your API key in an Authorization header "
						+ "using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
				0);
	}

	private static void invalid(HttpServletResponse response, String message, @Nullable String param)
			throws IOException {
		ProviderErrors.invalid(response, Provider.OPENAI, message, param);
	}

	/**
	 * Reads {@code input}: a string, an array of strings, or token arrays (which are
	 * embedded by their text form, as the simulator has no vocabulary).
	 */
	private static List<String> inputs(JsonNode input) {
		List<String> inputs = new ArrayList<>();
		if (input.isString()) {
			inputs.add(input.stringValue());
		}
		else if (input.isArray() && !input.isEmpty() && input.get(0).isNumber()) {
			inputs.add(input.toString());
		}
		else if (input.isArray()) {
			for (JsonNode item : input.values()) {
				inputs.add(item.isString() ? item.stringValue() : item.toString());
			}
		}
		return inputs;
	}

	private static byte[] modelList() {
		ObjectNode list = Json.object();
		list.put("object", "list");
		ArrayNode data = list.putArray("data");
		for (String id : MODELS) {
			ObjectNode model = data.addObject();
			model.put("id", id);
			model.put("object", "model");
			model.put("created", 1_715_367_049L);
			model.put("owned_by", "archon-sim");
		}
		return Json.bytes(list);
	}

	private record EmbeddingReply(String model, List<String> inputs, int dimensions, boolean base64,
			int tokens) implements Reply {

		@Override
		public Provider provider() {
			return Provider.OPENAI;
		}

		@Override
		public boolean streaming() {
			return false;
		}

		@Override
		public int completionTokens() {
			return 0;
		}

		@Override
		public byte[] body() {
			ObjectNode body = Json.object();
			body.put("object", "list");
			ArrayNode data = body.putArray("data");
			for (int i = 0; i < this.inputs.size(); i++) {
				ObjectNode item = data.addObject();
				item.put("object", "embedding");
				item.put("index", i);
				float[] vector = Embeddings.of(this.inputs.get(i), this.dimensions);
				if (this.base64) {
					ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
					bytes.asFloatBuffer().put(vector);
					item.put("embedding", Base64.getEncoder().encodeToString(bytes.array()));
				}
				else {
					ArrayNode values = item.putArray("embedding");
					for (float value : vector) {
						values.add(value);
					}
				}
			}
			body.put("model", this.model);
			ObjectNode usage = body.putObject("usage");
			usage.put("prompt_tokens", this.tokens);
			usage.put("total_tokens", this.tokens);
			return Json.bytes(body);
		}

		@Override
		public SseStream stream() {
			throw new UnsupportedOperationException("Embeddings are never streamed");
		}

	}

}
