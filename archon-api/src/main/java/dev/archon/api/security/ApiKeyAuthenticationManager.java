package dev.archon.api.security;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/**
 * Accepts an {@link ApiKeyAuthentication} whose key is one of the configured keys.
 */
final class ApiKeyAuthenticationManager implements AuthenticationManager {

	private final ApiKeys apiKeys;

	ApiKeyAuthenticationManager(ApiKeys apiKeys) {
		this.apiKeys = apiKeys;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		if (authentication instanceof ApiKeyAuthentication presented && presented.getCredentials() instanceof String key
				&& this.apiKeys.accepts(key)) {
			return ApiKeyAuthentication.accepted(ApiKeys.label(key));
		}
		// Never the key itself: exception messages reach logs.
		throw new BadCredentialsException("The API key you sent is not valid.");
	}

}
