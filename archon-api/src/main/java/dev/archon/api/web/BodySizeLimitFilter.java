package dev.archon.api.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.archon.api.problem.ProblemType;
import dev.archon.api.problem.ProblemWriter;
import dev.archon.api.problem.Problems;

import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose declared body is larger than the service accepts, before
 * anything reads it. NGINX enforces the same bound in front of the cluster; this one
 * protects an instance that is called directly.
 */
public class BodySizeLimitFilter extends OncePerRequestFilter {

	private final DataSize maxBodySize;

	private final ProblemWriter problemWriter;

	public BodySizeLimitFilter(DataSize maxBodySize, ProblemWriter problemWriter) {
		this.maxBodySize = maxBodySize;
		this.problemWriter = problemWriter;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.maxBodySize.toBytes()) {
			this.problemWriter.write(request, response,
					Problems.of(ProblemType.PAYLOAD_TOO_LARGE,
							"The body has " + request.getContentLengthLong() + " bytes; at most "
									+ this.maxBodySize.toBytes()
									+ " are accepted. Send the documents in smaller batches."));
			return;
		}
		chain.doFilter(request, response);
	}

}
