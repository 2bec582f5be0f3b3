package dev.archon.agentgen.job.web;

/**
 * A query parameter or header has a value the API does not take.
 */
class InvalidParameter extends RuntimeException {

	private final String parameter;

	/**
	 * Refuses a value.
	 * @param parameter the parameter's or header's name
	 * @param reason what its value must be, such as {@code must be 1 to 100}
	 */
	InvalidParameter(String parameter, String reason) {
		super(parameter + " " + reason);
		this.parameter = parameter;
	}

	String parameter() {
		return this.parameter;
	}

}
