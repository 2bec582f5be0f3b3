package dev.archon.agentgen.gateway.web;

import java.io.IOException;

import dev.archon.api.wire.gateway.OpenAiError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers a gateway request without a valid API key as OpenAI answers one, so that an
 * OpenAI client reports a wrong key as such. The key itself is never echoed.
 */
final class OpenAiAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private static final OpenAiError INVALID_KEY = OpenAiError.of(
			"Send a valid Archon API key as 'Authorization: Bearer <key>'.", "invalid_request_error", null,
			"invalid_api_key");

	private final byte[] body;

	OpenAiAuthenticationEntryPoint(JsonMapper jsonMapper) {
		this.body = jsonMapper.writeValueAsBytes(INVALID_KEY);
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"archon\"");
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getOutputStream().write(this.body);
	}

}
