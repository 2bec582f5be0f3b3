package dev.archon.agentgen.pipeline;

/**
 * A pipeline step failed for good; the job fails with this message, which names the step.
 */
class StepFailed extends RuntimeException {

	StepFailed(String step, String message, Throwable cause) {
		super(step + ": " + message, cause);
	}

}
