package dev.archon.api.problem;

import org.springframework.http.ProblemDetail;

/**
 * Builds problem details from the catalogue.
 */
public final class Problems {

	/** The extension member that carries the request id of every problem. */
	public static final String REQUEST_ID = "requestId";

	/** The extension member that lists each invalid field of a validation problem. */
	public static final String ERRORS = "errors";

	private Problems() {
	}

	/**
	 * A problem of the given type.
	 * @param type the catalogue entry
	 * @param detail what went wrong with this request, in words that help the caller fix
	 * it
	 * @return the problem, with type, title, status and detail set
	 */
	public static ProblemDetail of(ProblemType type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
		problem.setType(type.type());
		problem.setTitle(type.title());
		return problem;
	}

}
