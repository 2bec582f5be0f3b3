package dev.archon.ha.web;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.archon.api.problem.ProblemType;
import dev.archon.api.problem.Problems;
import dev.archon.ha.client.CommandFailed;
import dev.archon.ha.control.HomeAssistantUnavailable;
import dev.archon.ha.control.InvalidServiceCall;
import dev.archon.ha.control.RateLimited;
import dev.archon.ha.control.ServiceNotAllowed;
import dev.archon.ha.patterns.ForeignAutomationExists;
import dev.archon.ha.patterns.InvalidAutomation;
import dev.archon.ha.state.EntityNotFound;
import dev.archon.ha.state.InvalidEntityId;

/**
 * The problems of the bridge's own failures, as RFC 9457 bodies; the same mapping serves
 * the per-operation results of a batch.
 */
@RestControllerAdvice
public class HaProblems {

	@ExceptionHandler({ InvalidEntityId.class, EntityNotFound.class, InvalidServiceCall.class, ServiceNotAllowed.class,
			RateLimited.class, HomeAssistantUnavailable.class, CommandFailed.class, InvalidAutomation.class,
			ForeignAutomationExists.class })
	ResponseEntity<ProblemDetail> handle(RuntimeException ex) {
		ProblemDetail problem = problemFor(ex);
		ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.getStatus());
		if (ex instanceof RateLimited limited) {
			response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, limited.retryAfter().toSeconds())));
		}
		else if (ex instanceof HomeAssistantUnavailable unavailable) {
			response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, unavailable.retryAfter().toSeconds())));
		}
		return response.body(problem);
	}

	/**
	 * The problem that answers a failure.
	 * @param ex the failure
	 * @return its problem, an internal error for anything unexpected
	 */
	public static ProblemDetail problemFor(Throwable ex) {
		return switch (ex) {
			case InvalidEntityId invalid ->
				with(Problems.of(ProblemType.VALIDATION, invalid.getMessage()), "entityId", invalid.entityId());
			case EntityNotFound notFound ->
				with(Problems.of(ProblemType.NOT_FOUND, notFound.getMessage()), "entityId", notFound.entityId());
			case InvalidServiceCall invalid -> Problems.of(ProblemType.VALIDATION, invalid.getMessage());
			case InvalidAutomation invalid ->
				with(Problems.of(ProblemType.VALIDATION, invalid.getMessage()), "path", invalid.path());
			case ServiceNotAllowed refused -> with(with(Problems.of(ProblemType.FORBIDDEN, refused.getMessage()),
					"service", refused.domain() + "." + refused.service()), "path", refused.path());
			case ForeignAutomationExists exists ->
				with(Problems.of(ProblemType.CONFLICT, exists.getMessage()), "automationId", exists.id());
			case RateLimited limited -> Problems.of(ProblemType.TOO_MANY_REQUESTS, limited.getMessage());
			case HomeAssistantUnavailable unavailable ->
				Problems.of(ProblemType.SERVICE_UNAVAILABLE, unavailable.getMessage());
			case CommandFailed failed -> commandFailed(failed);
			default -> Problems.of(ProblemType.INTERNAL, "The operation failed unexpectedly");
		};
	}

	private static ProblemDetail commandFailed(CommandFailed failed) {
		ProblemDetail problem = switch (failed.outcome()) {
			case REJECTED ->
				Problems.of(ProblemType.BAD_REQUEST, "Home Assistant refused the call: " + failed.getMessage());
			case NOT_SENT -> Problems.of(ProblemType.UPSTREAM_FAILED, failed.getMessage() + "; the call was not sent");
			case FAILED ->
				Problems.of(ProblemType.UPSTREAM_FAILED, "Home Assistant failed the call: " + failed.getMessage());
			case UNKNOWN -> Problems.of(ProblemType.UPSTREAM_FAILED, failed.getMessage()
					+ "; the call may or may not have taken effect, and it is not repeated automatically because"
					+ " repeating it could do something else");
		};
		problem.setProperty("outcome", failed.outcome().name().toLowerCase(java.util.Locale.ROOT));
		if (failed.code() != null) {
			problem.setProperty("homeAssistantCode", failed.code());
		}
		return problem;
	}

	private static ProblemDetail with(ProblemDetail problem, String name, @Nullable Object value) {
		if (value != null) {
			problem.setProperty(name, value);
		}
		return problem;
	}

}
