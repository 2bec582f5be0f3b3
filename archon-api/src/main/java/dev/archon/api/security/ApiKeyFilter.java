package dev.archon.api.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import dev.archon.api.problem.ProblemType;
import dev.archon.api.problem.ProblemWriter;
import dev.archon.api.problem.Problems;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a request to {@code /api/**} through only with one of the configured API keys, as
 * {@code Authorization: Bearer <key>} or {@code X-API-Key: <key>}. The key itself is
 * never logged nor echoed.
 */
public class ApiKeyFilter extends OncePerRequestFilter {

	/** The alternative header for clients that cannot set {@code Authorization}. */
	public static final String API_KEY_HEADER = "X-API-Key";

	private static final String BEARER = "Bearer ";

	private final ApiKeys apiKeys;

	private final ProblemWriter problemWriter;

	public ApiKeyFilter(ApiKeys apiKeys, ProblemWriter problemWriter) {
		this.apiKeys = apiKeys;
		this.problemWriter = problemWriter;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !(path.equals("/api") || path.startsWith("/api/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String presented = presentedKey(request);
		if (this.apiKeys.accepts(presented)) {
			chain.doFilter(request, response);
			return;
		}
		String detail = (presented == null)
				? "Send your API key as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'."
				: "The API key you sent is not valid.";
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"archon\"");
		this.problemWriter.write(request, response, Problems.of(ProblemType.UNAUTHORIZED, detail));
	}

	private static @Nullable String presentedKey(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return authorization.substring(BEARER.length()).trim();
		}
		return request.getHeader(API_KEY_HEADER);
	}

}
