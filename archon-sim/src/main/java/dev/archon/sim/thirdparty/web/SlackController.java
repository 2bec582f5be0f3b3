package dev.archon.sim.thirdparty.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Slack's Web API method {@code POST /api/chat.postMessage}, as {@code slack.com} answers
 * it: a JSON body (or a form) with {@code channel} and {@code text} or {@code blocks},
 * the bot token as {@code Authorization: Bearer xoxb-…}, and always HTTP 200, with
 * {@code "ok": true} and the posted message, or {@code "ok": false} and an error code
 * ({@code not_authed}, {@code invalid_auth}, {@code channel_not_found}, {@code no_text},
 * {@code msg_too_long}, {@code invalid_json}). The workspace has the channels
 * {@code #general} and {@code #digest}, known by id or by name.
 */
@RestController
@RequestMapping("/thirdparty/slack/api")
class SlackController {

	/** Slack truncates longer messages, and refuses them from this length. */
	private static final int MAX_TEXT = 40_000;

	private static final Map<String, String> CHANNELS = Map.of("C024BE91L", "general", "C07DIGEST1", "digest");

	private final JsonMapper json;

	private final AtomicLong messages = new AtomicLong();

	SlackController(JsonMapper json) {
		this.json = json;
	}

	@PostMapping("/chat.postMessage")
	ResponseEntity<Map<String, Object>> postMessage(HttpServletRequest request) throws IOException {
		MediaType type = (request.getContentType() != null) ? MediaType.parseMediaType(request.getContentType())
				: MediaType.APPLICATION_FORM_URLENCODED;
		Map<String, Object> warnings = new LinkedHashMap<>();
		JsonNode arguments;
		if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
			try {
				arguments = this.json.readTree(request.getInputStream());
			}
			catch (JacksonException ex) {
				return answer(failed("invalid_json"));
			}
			if (type.getCharset() == null) {
				// Slack posts it anyway, and says so
				warnings.put("warning", "missing_charset");
				warnings.put("response_metadata", Map.of("warnings", List.of("missing_charset")));
			}
		}
		else {
			arguments = this.json.valueToTree(form(request));
		}
		String token = bearer(request.getHeader(HttpHeaders.AUTHORIZATION), arguments.path("token").asString(""));
		if (token == null) {
			return answer(failed("not_authed"));
		}
		if (!token.startsWith("xoxb-") && !token.startsWith("xoxp-")) {
			return answer(failed("invalid_auth"));
		}
		String channel = channel(arguments.path("channel").asString(""));
		if (channel == null) {
			return answer(failed("channel_not_found"));
		}
		String text = arguments.path("text").asString("");
		JsonNode blocks = arguments.path("blocks");
		if (text.isBlank() && (!blocks.isArray() || blocks.isEmpty())) {
			return answer(failed("no_text"));
		}
		if (text.length() > MAX_TEXT) {
			return answer(failed("msg_too_long"));
		}
		String ts = (System.currentTimeMillis() / 1000) + "." + String.format("%06d", this.messages.incrementAndGet());
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("type", "message");
		message.put("subtype", "bot_message");
		message.put("text", text);
		message.put("username", "Archon");
		message.put("bot_id", "B0ARCHON01");
		message.put("ts", ts);
		if (blocks.isArray()) {
			message.put("blocks", blocks);
		}
		Map<String, Object> posted = new LinkedHashMap<>();
		posted.put("ok", true);
		posted.put("channel", channel);
		posted.put("ts", ts);
		posted.put("message", message);
		posted.putAll(warnings);
		return answer(posted);
	}

	private static Map<String, Object> form(HttpServletRequest request) {
		Map<String, Object> form = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, values) -> form.put(name, values[0]));
		return form;
	}

	private static @Nullable String bearer(@Nullable String authorization, String tokenArgument) {
		if (authorization != null && authorization.startsWith("Bearer ") && !authorization.substring(7).isBlank()) {
			return authorization.substring(7).strip();
		}
		return tokenArgument.isBlank() ? null : tokenArgument;
	}

	/** A channel by its id, or by its name with or without {@code #}. */
	private static @Nullable String channel(String requested) {
		String name = requested.startsWith("#") ? requested.substring(1) : requested;
		if (CHANNELS.containsKey(requested)) {
			return requested;
		}
		return CHANNELS.entrySet()
			.stream()
			.filter((channel) -> channel.getValue().equals(name))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElse(null);
	}

	private static Map<String, Object> failed(String error) {
		return Map.of("ok", false, "error", error);
	}

	private static ResponseEntity<Map<String, Object>> answer(Map<String, Object> body) {
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8))
			.body(body);
	}

}
