package dev.archon.sim.llm.web;

import java.io.IOException;

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
import dev.archon.sim.llm.LlmStats;
import dev.archon.sim.llm.Provider;
import dev.archon.sim.llm.StepAnswers;

/**
 * The Anthropic-compatible Messages API under {@code /anthropic}, so that a client's base
 * URL is {@code http://host:8123/anthropic/v1/}. It requires {@code x-api-key} (any
 * non-empty value) and {@code anthropic-version}, as the real API does.
 */
@RestController
class AnthropicController {

	private static final String[][] MODELS = { { "claude-sonnet-4-5", "Claude Sonnet 4.5" },
			{ "claude-haiku-4-5", "Claude Haiku 4.5" }, { "claude-opus-4-1", "Claude Opus 4.1" } };

	private static final byte[] MODEL_LIST = modelList();

	private final StepAnswers answers;

	private final Delivery delivery;

	private final LlmStats stats;

	AnthropicController(StepAnswers answers, Delivery delivery, LlmStats stats) {
		this.answers = answers;
		this.delivery = delivery;
		this.stats = stats;
	}

	@PostMapping("/anthropic/v1/messages")
	void messages(@RequestHeader(name = "x-api-key", required = false) @Nullable String apiKey,
			@RequestHeader(name = "anthropic-version", required = false) @Nullable String version,
			HttpServletRequest http, HttpServletResponse response) throws IOException {
		byte[] body = http.getInputStream().readAllBytes();
		this.stats.received(Provider.ANTHROPIC);
		response.setHeader("request-id", Ids.next("req_"));
		if (apiKey == null || apiKey.isBlank()) {
			ProviderErrors.write(response, Provider.ANTHROPIC, 401, null, "x-api-key header is required", 0);
			return;
		}
		if (version == null || version.isBlank()) {
			invalid(response, "anthropic-version: header is required");
			return;
		}
		JsonNode request = parse(body);
		if (request == null) {
			invalid(response, "There was an issue with your request body: it is not valid JSON.");
			return;
		}
		String model = request.path("model").asString("");
		if (model.isBlank()) {
			invalid(response, "model: Field required");
			return;
		}
		int maxTokens = request.path("max_tokens").asInt(0);
		if (maxTokens < 1) {
			invalid(response, "max_tokens: Field required");
			return;
		}
		if (request.path("messages").isEmpty()) {
			invalid(response, "messages: at least one message is required");
			return;
		}
		boolean streaming = request.path("stream").asBoolean(false);
		Completion completion = this.answers.complete(Conversation.fromAnthropic(request), maxTokens);
		this.stats.accepted(Provider.ANTHROPIC, completion.step().id(), streaming, completion.promptTokens());
		this.delivery.deliver(new AnthropicMessageReply(model, completion, streaming), response);
	}

	@GetMapping("/anthropic/v1/models")
	void models(@RequestHeader(name = "x-api-key", required = false) @Nullable String apiKey,
			HttpServletResponse response) throws IOException {
		if (apiKey == null || apiKey.isBlank()) {
			ProviderErrors.write(response, Provider.ANTHROPIC, 401, null, "x-api-key header is required", 0);
			return;
		}
		response.setContentType("application/json");
		response.getOutputStream().write(MODEL_LIST);
	}

	private static @Nullable JsonNode parse(byte @Nullable [] body) {
		try {
			JsonNode request = (body != null) ? Json.read(body) : null;
			return (request != null && request.isObject()) ? request : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static void invalid(HttpServletResponse response, String message) throws IOException {
		ProviderErrors.invalid(response, Provider.ANTHROPIC, message, null);
	}

	private static byte[] modelList() {
		ObjectNode list = Json.object();
		ArrayNode data = list.putArray("data");
		for (String[] entry : MODELS) {
			ObjectNode model = data.addObject();
			model.put("type", "model");
			model.put("id", entry[0]);
			model.put("display_name", entry[1]);
			model.put("created_at", "2025-09-29T00:00:00Z");
		}
		list.put("has_more", false);
		list.put("first_id", MODELS[0][0]);
		list.put("last_id", MODELS[MODELS.length - 1][0]);
		return Json.bytes(list);
	}

}
