package dev.archon.api.wire.gateway;

import org.jspecify.annotations.Nullable;

/**
 * An error on the gateway's routes, in OpenAI's shape rather than RFC 9457: OpenAI's
 * clients read {@code error.message}, {@code error.type} and {@code error.code} to raise
 * their own exceptions, and would report a problem document as an unknown error.
 *
 * @param error what went wrong
 */
public record OpenAiError(Body error) {

	public static OpenAiError of(String message, String type, @Nullable String param, String code) {
		return new OpenAiError(new Body(message, type, param, code));
	}

	/**
	 * What went wrong.
	 *
	 * @param message for people
	 * @param type OpenAI's class of error: {@code invalid_request_error},
	 * {@code authentication_error}, {@code rate_limit_error}, {@code server_error}…
	 * @param param the request member at fault, if one is
	 * @param code a stable code for programs
	 */
	public record Body(String message, String type, @Nullable String param, String code) {

	}

}
