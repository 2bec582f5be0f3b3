package dev.archon.ha.problem;

import java.time.Duration;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

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

import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;

/**
 * The problem from the catalogue that answers each of the bridge's failures, with the
 * context its exception carries and the {@code Retry-After} of a failure that passes. One
 * mapping serves a single call's error answer and each failed operation of a batch, so
 * that both say the same about the same failure.
 */
public final class HaProblems {

	private HaProblems() {
	}

	/**
	 * The error answer to a failure.
	 * @param ex the failure
	 * @return its answer; an internal error, which reveals nothing, for anything
	 * unexpected
	 */
	public static ErrorResponse of(Throwable ex) {
		ErrorResponse.Builder response = ErrorResponse.builder(ex, problem(ex));
		@Nullable Duration retryAfter = switch (ex) {
			case RateLimited limited -> limited.retryAfter();
			case HomeAssistantUnavailable unavailable -> unavailable.retryAfter();
			default -> null;
		};
		if (retryAfter != null) {
			// Whole seconds, at least one: Retry-After: 0 would invite a busy loop.
			response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
		}
		return response.build();
	}

	private static ProblemDetail problem(Throwable ex) {
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
		problem.setProperty("outcome", failed.outcome().name().toLowerCase(Locale.ROOT));
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
