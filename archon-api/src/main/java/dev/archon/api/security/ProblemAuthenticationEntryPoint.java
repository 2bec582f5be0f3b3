package dev.archon.api.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.archon.api.problem.ProblemType;
import dev.archon.api.problem.ProblemWriter;
import dev.archon.api.problem.Problems;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers a request without a valid API key with a 401 problem that says how to send one.
 * The key itself is never echoed.
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private final ProblemWriter problemWriter;

	ProblemAuthenticationEntryPoint(ProblemWriter problemWriter) {
		this.problemWriter = problemWriter;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		String detail = ApiKeyAuthenticationConverter.presentsKey(request) ? "The API key you sent is not valid."
				: "Send your API key as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'.";
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"archon\"");
		this.problemWriter.write(request, response, Problems.of(ProblemType.UNAUTHORIZED, detail));
	}

}
