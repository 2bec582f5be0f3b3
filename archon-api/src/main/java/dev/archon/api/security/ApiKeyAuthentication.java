package dev.archon.api.security;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

/**
 * A caller that presented an API key: unauthenticated with the key as its credentials
 * until {@link ApiKeys} accepts it, then authenticated without it, so that nothing
 * downstream can read the key out of the security context; its name is then the key's
 * {@link ApiKeys#label label}, so that what a key used can be counted.
 */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

	/** Who presented a key that is not accepted yet: keys are not tied to users. */
	static final String PRINCIPAL = "api-client";

	private final @Nullable String key;

	private final String principal;

	private ApiKeyAuthentication(@Nullable String key, String principal, boolean authenticated) {
		super(authenticated ? AuthorityUtils.createAuthorityList("ROLE_API_CLIENT") : List.of());
		this.key = key;
		this.principal = principal;
		setAuthenticated(authenticated);
	}

	static ApiKeyAuthentication presented(String key) {
		return new ApiKeyAuthentication(key, PRINCIPAL, false);
	}

	static ApiKeyAuthentication accepted(String label) {
		return new ApiKeyAuthentication(null, label, true);
	}

	@Override
	public @Nullable Object getCredentials() {
		return this.key;
	}

	@Override
	public Object getPrincipal() {
		return this.principal;
	}

	@Override
	public String toString() {
		// The default lists the credentials.
		return "ApiKeyAuthentication[authenticated=" + isAuthenticated() + "]";
	}

}
