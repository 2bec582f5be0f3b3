package dev.archon.api.problem;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * PostgreSQL or Redis out of reach (restarting, failing over, or a pool that waited its
 * whole connection timeout) answers 503 with {@code Retry-After}: the same request is
 * likely to succeed in a few seconds, which a 500 would not tell the caller. Ahead of the
 * services' own advice and of {@link ArchonProblemHandler}'s catch-all, and registered
 * only where Spring's data access exceptions are on the classpath.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DataStoreProblemHandler {

	/** Long enough for a PostgreSQL restart or a Redis failover to complete. */
	static final String RETRY_AFTER_SECONDS = "5";

	private static final Log logger = LogFactory.getLog(DataStoreProblemHandler.class);

	// TransactionSystemException: a connection that PostgreSQL closed in the middle of a
	// transaction fails its rollback too, and that failure replaces the first one.
	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
			CannotCreateTransactionException.class, TransactionSystemException.class })
	ResponseEntity<ProblemDetail> handleDataStoreOutOfReach(Exception ex) {
		// The message names the failure, never credentials; the stack adds nothing once
		// per request.
		logger.warn("A data store is out of reach: " + ex.getMessage());
		ProblemDetail problem = Problems.of(ProblemType.SERVICE_UNAVAILABLE,
				"A data store this service needs is out of reach for the moment; retry after " + RETRY_AFTER_SECONDS
						+ " seconds.");
		return ResponseEntity.status(problem.getStatus())
			.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
			.body(problem);
	}

}
