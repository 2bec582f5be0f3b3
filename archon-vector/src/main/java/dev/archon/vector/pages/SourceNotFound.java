package dev.archon.vector.pages;

import dev.archon.api.problem.ProblemType;
import dev.archon.api.problem.Problems;

import org.springframework.web.ErrorResponseException;

/**
 * No page of the named source is stored. An {@link ErrorResponseException}, so that
 * archon-api's problem handler answers it as a 404 problem.
 */
public class SourceNotFound extends ErrorResponseException {

	public SourceNotFound(String source) {
		super(ProblemType.NOT_FOUND.status(),
				Problems.of(ProblemType.NOT_FOUND, "No page of the source '" + source + "' is stored."), null);
	}

}
