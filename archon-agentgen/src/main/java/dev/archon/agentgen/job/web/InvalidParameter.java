package dev.archon.agentgen.job.web;

/**
 * A query parameter or header has a value the API does not take.
 */
class InvalidParameter extends RuntimeException {

	InvalidParameter(String message) {
		super(message);
	}

}
