package dev.archon.api.security;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

/**
 * A caller that presented an API key: unauthenticated with the key as its credentials
 * until {@link ApiKeys} accepts it, then authenticated without it, so that nothing
 * downstream can read the key out of the security context.
 */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

	/** The one principal every accepted key stands for: keys are not tied to users. */
	static final String PRINCIPAL = "api-client";

	private final @Nullable String key;

	private ApiKeyAuthentication(@Nullable String key, boolean authenticated) {
		super(authenticated ? AuthorityUtils.createAuthorityList("ROLE_API_CLIENT") : List.of());
		this.key = key;
		setAuthenticated(authenticated);
	}

	static ApiKeyAuthentication presented(String key) {
		return new ApiKeyAuthentication(key, false);
	}

	static ApiKeyAuthentication accepted() {
		return new ApiKeyAuthentication(null, true);
	}

	@Override
	public @Nullable Object getCredentials() {
		return this.key;
	}

	@Override
	public Object getPrincipal() {
		return PRINCIPAL;
	}

	@Override
	public String toString() {
		// The default lists the credentials.
		return "ApiKeyAuthentication[authenticated=" + isAuthenticated() + "]";
	}

}
