package dev.archon.api.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.archon.api.problem.ProblemType;
import dev.archon.api.problem.ProblemWriter;
import dev.archon.api.problem.Problems;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses with 415 the bodies that fail with a 500 before any controller could refuse
 * them: a {@code Content-Type} that names a range ({@code *}{@code /*},
 * {@code application/*}), which Spring MVC cannot hold, and a form, which Tomcat parses
 * into parameters and fails on when it is not one. No operation of this API reads either;
 * a type that cannot be parsed at all Spring MVC already answers with 415.
 */
public class ContentTypeFilter extends OncePerRequestFilter {

	private final ProblemWriter problemWriter;

	public ContentTypeFilter(ProblemWriter problemWriter) {
		this.problemWriter = problemWriter;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String contentType = request.getContentType();
		if (contentType != null && isRefused(contentType)) {
			this.problemWriter.write(request, response, Problems.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
					"Bodies of this API are JSON: send them as application/json."));
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean isRefused(String contentType) {
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return type.isWildcardType() || type.isWildcardSubtype()
					|| MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(type);
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

}
