package dev.archon.api.security;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads the API key a request presents, as {@code Authorization: Bearer <key>} or, for
 * clients that cannot set {@code Authorization}, {@code X-API-Key: <key>}.
 */
final class ApiKeyAuthenticationConverter implements AuthenticationConverter {

	/** The alternative header for clients that cannot set {@code Authorization}. */
	static final String API_KEY_HEADER = "X-API-Key";

	private static final String BEARER = "Bearer ";

	@Override
	public @Nullable Authentication convert(HttpServletRequest request) {
		return presentsKey(request) ? ApiKeyAuthentication.presented(presentedKey(request)) : null;
	}

	static boolean presentsKey(HttpServletRequest request) {
		String key = presentedKey(request);
		return key != null && !key.isEmpty();
	}

	private static @Nullable String presentedKey(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return authorization.substring(BEARER.length()).trim();
		}
		return request.getHeader(API_KEY_HEADER);
	}

}
