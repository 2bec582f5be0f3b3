package dev.archon.api.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.archon.api.problem.ProblemType;
import dev.archon.api.problem.ProblemWriter;
import dev.archon.api.problem.Problems;

import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Answers a request that Spring Security's firewall refused (a path that is not in
 * canonical form, a control character in a header or parameter) with a 400 problem,
 * before anything routes it.
 */
final class ProblemRequestRejectedHandler implements RequestRejectedHandler {

	static final String DETAIL = "The request is not in canonical form: encoded slashes, dots and percent signs, "
			+ "';' parameters, '//', '.' and '..' segments and control characters are refused. "
			+ "Send the path and parameters as the API documents them.";

	private final ProblemWriter problemWriter;

	ProblemRequestRejectedHandler(ProblemWriter problemWriter) {
		this.problemWriter = problemWriter;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			RequestRejectedException requestRejectedException) throws IOException {
		this.problemWriter.write(request, response, Problems.of(ProblemType.BAD_REQUEST, DETAIL));
	}

}
