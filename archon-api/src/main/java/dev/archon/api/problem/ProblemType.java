package dev.archon.api.problem;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * The catalogue of problems Archon answers with. Each has a stable {@code type} URI that
 * clients may switch on; the {@code detail} of a single answer says what went wrong.
 */
public enum ProblemType {

	VALIDATION("validation", "Your request is not valid", HttpStatus.BAD_REQUEST),

	MALFORMED_BODY("malformed-body", "The request body cannot be read", HttpStatus.BAD_REQUEST),

	BAD_REQUEST("bad-request", "Bad request", HttpStatus.BAD_REQUEST),

	UNAUTHORIZED("unauthorized", "An API key is required", HttpStatus.UNAUTHORIZED),

	FORBIDDEN("forbidden", "Not allowed", HttpStatus.FORBIDDEN),

	NOT_FOUND("not-found", "Not found", HttpStatus.NOT_FOUND),

	METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", HttpStatus.METHOD_NOT_ALLOWED),

	NOT_ACCEPTABLE("not-acceptable", "Not acceptable", HttpStatus.NOT_ACCEPTABLE),

	CONFLICT("conflict", "Conflict", HttpStatus.CONFLICT),

	PAYLOAD_TOO_LARGE("payload-too-large", "The request body is too large", HttpStatus.CONTENT_TOO_LARGE),

	UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),

	TOO_MANY_REQUESTS("too-many-requests", "Too many requests", HttpStatus.TOO_MANY_REQUESTS),

	UPSTREAM_FAILED("upstream-failed", "A system we depend on failed", HttpStatus.BAD_GATEWAY),

	SERVICE_UNAVAILABLE("service-unavailable", "Service unavailable", HttpStatus.SERVICE_UNAVAILABLE),

	INTERNAL("internal", "Internal error", HttpStatus.INTERNAL_SERVER_ERROR);

	/** Where every problem type lives; a page there explains each one. */
	public static final String BASE_URI = "https://archon.dev/problems/";

	private final URI type;

	private final String title;

	private final HttpStatus status;

	ProblemType(String slug, String title, HttpStatus status) {
		this.type = URI.create(BASE_URI + slug);
		this.title = title;
		this.status = status;
	}

	public URI type() {
		return this.type;
	}

	public String title() {
		return this.title;
	}

	public HttpStatus status() {
		return this.status;
	}

	/**
	 * The problem type a status answers with when nothing more specific is known.
	 * @param status an error status
	 * @return its problem type, {@link #INTERNAL} for an unknown server error and
	 * {@link #BAD_REQUEST} for an unknown client error
	 */
	public static ProblemType forStatus(HttpStatusCode status) {
		for (ProblemType candidate : values()) {
			if (candidate.status.value() == status.value() && candidate != VALIDATION && candidate != MALFORMED_BODY) {
				return candidate;
			}
		}
		return status.is5xxServerError() ? INTERNAL : BAD_REQUEST;
	}

}
