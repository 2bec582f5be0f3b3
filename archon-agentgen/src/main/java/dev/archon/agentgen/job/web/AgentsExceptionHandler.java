package dev.archon.agentgen.job.web;

import dev.archon.agentgen.job.JobConflict;
import dev.archon.agentgen.job.JobNotFound;
import dev.archon.agentgen.job.QueueFull;
import dev.archon.api.problem.ProblemType;
import dev.archon.api.problem.Problems;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The generation API's domain errors as problem details.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AgentsExceptionHandler {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(JobNotFound ex) {
		return ResponseEntity.status(404).body(Problems.of(ProblemType.NOT_FOUND, ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> conflict(JobConflict ex) {
		return ResponseEntity.status(409).body(Problems.of(ProblemType.CONFLICT, ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> queueFull(QueueFull ex) {
		ProblemDetail problem = Problems.of(ProblemType.TOO_MANY_REQUESTS, ex.getMessage());
		long seconds = Math.max(1, ex.retryAfter().toSeconds());
		problem.setProperty("retryAfterSeconds", seconds);
		return ResponseEntity.status(429).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> badRequest(UnknownFramework ex) {
		return ResponseEntity.status(400).body(Problems.of(ProblemType.BAD_REQUEST, ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> badRequest(InvalidParameter ex) {
		return ResponseEntity.status(400).body(Problems.of(ProblemType.BAD_REQUEST, ex.getMessage()));
	}

}
