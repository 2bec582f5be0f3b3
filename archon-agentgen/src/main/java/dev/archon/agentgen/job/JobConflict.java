package dev.archon.agentgen.job;

/**
 * The job is not in a state that allows what was asked.
 */
public class JobConflict extends RuntimeException {

	public JobConflict(String message) {
		super(message);
	}

}
