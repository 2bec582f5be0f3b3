package dev.archon.sim.llm.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

import dev.archon.sim.llm.Provider;

/**
 * Error answers in each provider's own shape: OpenAI's
 * {@code {"error":{"message","type","param","code"}}} and Anthropic's
 * {@code {"type":"error","error":{"type","message"}}}, with the types and messages the
 * real services use for each status, so that clients classify them as they would the real
 * ones.
 */
final class ProviderErrors {

	private ProviderErrors() {
	}

	/**
	 * The status a fault answers when it names none: what each provider answers when
	 * overloaded.
	 */
	static int defaultStatus(Provider provider) {
		return (provider == Provider.ANTHROPIC) ? 529 : 503;
	}

	static void write(HttpServletResponse response, Provider provider, int status, @Nullable String code,
			@Nullable String message, int retryAfterSeconds) throws IOException {
		write(response, status, body(provider, status, code, message, null), retryAfterSeconds);
	}

	/**
	 * Answers 400 for a request the provider would refuse as malformed.
	 */
	static void invalid(HttpServletResponse response, Provider provider, String message, @Nullable String param)
			throws IOException {
		write(response, 400, body(provider, 400, null, message, param), 0);
	}

	private static void write(HttpServletResponse response, int status, byte[] body, int retryAfterSeconds)
			throws IOException {
		response.setStatus(status);
		response.setContentType("application/json");
		if (status == 429 || status == 503 || status == 529) {
			response.setHeader("Retry-After", Integer.toString(Math.max(retryAfterSeconds, 0)));
		}
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	private static byte[] body(Provider provider, int status, @Nullable String code, @Nullable String message,
			@Nullable String param) {
		return Json.bytes((provider == Provider.ANTHROPIC) ? anthropic(status, code, message)
				: openAi(status, code, message, param));
	}

	/**
	 * The error as an event inside a stream that has already answered 200.
	 */
	static byte[] streamEvent(Provider provider, int status) {
		String event = (provider == Provider.ANTHROPIC)
				? "event: error\ndata: " + Json.string(anthropic(status, null, null)) + "\n\n"
				: "data: " + Json.string(openAi(status, null, null, null)) + "\n\n";
		return event.getBytes(StandardCharsets.UTF_8);
	}

	private static ObjectNode openAi(int status, @Nullable String code, @Nullable String message,
			@Nullable String errorParam) {
		String type = (status < 500) ? "invalid_request_error" : "server_error";
		String param = errorParam;
		String text = (status < 500) ? "Invalid request." : "The server had an error while processing your request.";
		String errorCode = code;
		switch (status) {
			case 401 -> {
				text = "Incorrect API key provided.";
				errorCode = (code != null) ? code : "invalid_api_key";
			}
			case 403 -> text = "You are not allowed to sample from this model.";
			case 404 -> {
				text = "The model does not exist or you do not have access to it.";
				errorCode = (code != null) ? code : "model_not_found";
			}
			case 408 -> text = "Request timed out.";
			case 413 -> text = "Request too large.";
			case 429 -> {
				type = "requests";
				text = "Rate limit reached for requests. Please try again in 1s.";
				errorCode = (code != null) ? code : "rate_limit_exceeded";
			}
			case 503 -> text = "The engine is currently overloaded, please try again later.";
			case 504 -> text = "The server timed out while processing your request.";
			default -> {
			}
		}
		if ("insufficient_quota".equals(code)) {
			type = "insufficient_quota";
			text = "You exceeded your current quota, please check your plan and billing details.";
		}
		else if ("context_length_exceeded".equals(code)) {
			param = "messages";
			text = "This model's maximum context length is 128000 tokens. Please reduce the length of the messages.";
		}
		ObjectNode body = Json.object();
		ObjectNode error = body.putObject("error");
		error.put("message", (message != null) ? message : text);
		error.put("type", type);
		error.put("param", param);
		error.put("code", errorCode);
		return body;
	}

	private static ObjectNode anthropic(int status, @Nullable String code, @Nullable String message) {
		String type = switch (status) {
			case 401 -> "authentication_error";
			case 403 -> "permission_error";
			case 404 -> "not_found_error";
			case 413 -> "request_too_large";
			case 429 -> "rate_limit_error";
			case 504 -> "timeout_error";
			case 529 -> "overloaded_error";
			default -> (status < 500) ? "invalid_request_error" : "api_error";
		};
		String text = switch (status) {
			case 401 -> "invalid x-api-key";
			case 404 -> "model: not found";
			case 429 -> "Number of request tokens has exceeded your per-minute rate limit.";
			case 529 -> "Overloaded";
			default -> (status < 500) ? "Invalid request." : "Internal server error";
		};
		if ("insufficient_quota".equals(code)) {
			text = "Your credit balance is too low to access the Anthropic API.";
		}
		else if ("context_length_exceeded".equals(code)) {
			text = "prompt is too long: 210000 tokens > 200000 maximum";
		}
		ObjectNode body = Json.object();
		body.put("type", "error");
		ObjectNode error = body.putObject("error");
		error.put("type", type);
		error.put("message", (message != null) ? message : text);
		return body;
	}

}
