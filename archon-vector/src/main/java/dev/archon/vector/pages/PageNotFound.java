package dev.archon.vector.pages;

import dev.archon.api.problem.ProblemType;
import dev.archon.api.problem.Problems;

import org.springframework.web.ErrorResponseException;

/**
 * No page with the given URL is stored. An {@link ErrorResponseException}, so that
 * archon-api's problem handler answers it as a 404 problem.
 */
public class PageNotFound extends ErrorResponseException {

	public PageNotFound(String url) {
		super(ProblemType.NOT_FOUND.status(),
				Problems.of(ProblemType.NOT_FOUND, "No page with the URL " + url + " is stored."), null);
	}

}
