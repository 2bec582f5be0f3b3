package dev.archon.agentgen.gateway.web;

import java.time.Instant;
import java.util.UUID;

import dev.archon.agentgen.gateway.ChatCompletions;
import dev.archon.agentgen.gateway.GatewayModels;
import dev.archon.agentgen.llm.LlmAnswer;
import dev.archon.api.wire.gateway.ChatCompletion;
import dev.archon.api.wire.gateway.ChatCompletionRequest;
import dev.archon.api.wire.gateway.ModelList;
import dev.archon.api.wire.gateway.TokenUsage;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * OpenAI's chat completions and model list, answered by the pool. Left out of the
 * service's OpenAPI document: the contract of these routes is OpenAI's published API, and
 * their errors are OpenAI's bodies, not the problem documents the rest of the API
 * promises.
 */
@Hidden
@RestController
@RequestMapping("/v1")
class ChatCompletionsController {

	private final ChatCompletions completions;

	private final GatewayModels models;

	private final JsonMapper jsonMapper;

	ChatCompletionsController(ChatCompletions completions, GatewayModels models, JsonMapper jsonMapper) {
		this.completions = completions;
		this.models = models;
		this.jsonMapper = jsonMapper;
	}

	@GetMapping("/models")
	ModelList models() {
		return this.models.list();
	}

	/**
	 * Answers a completion whole, or streams it into the response and returns
	 * {@code null}. A stream is written here, on the request's own virtual thread, which
	 * waits for the pool anyway: no asynchronous dispatch is needed.
	 */
	@PostMapping("/chat/completions")
	@Nullable ChatCompletion complete(@Valid @RequestBody ChatCompletionRequest request, Authentication caller,
			HttpServletResponse response) {
		String id = "chatcmpl-" + UUID.randomUUID();
		long created = Instant.now().getEpochSecond();
		if (!request.streamed()) {
			LlmAnswer answer = this.completions.complete(request, caller.getName(), (piece) -> {
			});
			return ChatCompletion.of(id, created, answer.model(), answer.text(), usage(answer), answer.provider());
		}
		CompletionStream stream = new CompletionStream(response, this.jsonMapper, id, created, request.model());
		LlmAnswer answer;
		try {
			answer = this.completions.complete(request, caller.getName(), stream);
		}
		catch (RuntimeException ex) {
			if (!stream.started()) {
				throw ex;
			}
			stream.fail(OpenAiErrors.bodyOf(ex));
			return null;
		}
		stream.finish(request.usageStreamed() ? usage(answer) : null);
		return null;
	}

	private static TokenUsage usage(LlmAnswer answer) {
		return TokenUsage.of(answer.inputTokens(), answer.outputTokens());
	}

}
