package dev.archon.agentgen.job.web;

import dev.archon.agentgen.job.JobNotFound;
import dev.archon.agentgen.job.JobStateConflict;
import dev.archon.agentgen.job.QueueFull;
import dev.archon.agentgen.job.VersionNotFound;
import dev.archon.agentgen.job.VersionUnavailable;
import dev.archon.api.problem.ProblemType;
import dev.archon.api.problem.Problems;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The generation API's domain errors as problems of the catalogue, each with the context
 * a client needs to act on it. Ordered before archon-api's catch-all advice, which would
 * otherwise answer them as internal errors.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AgentsProblems {

	@ExceptionHandler({ JobNotFound.class, VersionUnavailable.class, JobStateConflict.class, QueueFull.class,
			UnknownFramework.class, InvalidParameter.class })
	ErrorResponse handle(RuntimeException ex) {
		return switch (ex) {
			case JobNotFound notFound -> problem(ex, ProblemType.NOT_FOUND).property("jobId", notFound.jobId()).build();
			case VersionUnavailable unavailable ->
				problem(ex, (unavailable instanceof VersionNotFound) ? ProblemType.NOT_FOUND : ProblemType.CONFLICT)
					.property("jobId", unavailable.jobId())
					.property("version", unavailable.version())
					.build();
			case JobStateConflict conflict -> problem(ex, ProblemType.CONFLICT).property("jobId", conflict.jobId())
				.property("jobStatus", conflict.status())
				.build();
			case QueueFull full -> {
				long seconds = Math.max(1, full.retryAfter().toSeconds());
				yield problem(ex, ProblemType.TOO_MANY_REQUESTS).property("retryAfterSeconds", seconds)
					.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
					.build();
			}
			case UnknownFramework unknown ->
				problem(ex, ProblemType.BAD_REQUEST).property("framework", unknown.framework()).build();
			case InvalidParameter invalid ->
				problem(ex, ProblemType.BAD_REQUEST).property("parameter", invalid.parameter()).build();
			default -> throw ex;
		};
	}

	private static ErrorResponse.Builder problem(RuntimeException ex, ProblemType type) {
		return ErrorResponse.builder(ex, Problems.of(type, ex.getMessage()));
	}

}
