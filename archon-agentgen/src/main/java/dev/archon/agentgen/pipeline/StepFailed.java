package dev.archon.agentgen.pipeline;

/**
 * A pipeline step failed for good; the job fails with this message.
 */
public class StepFailed extends RuntimeException {

	private final String step;

	StepFailed(String step, String message, Throwable cause) {
		super(step + ": " + message, cause);
		this.step = step;
	}

	public String step() {
		return this.step;
	}

}
