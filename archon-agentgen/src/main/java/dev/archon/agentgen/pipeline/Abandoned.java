package dev.archon.agentgen.pipeline;

/**
 * The job was cancelled, or its worker lost the lease, between two steps.
 */
public class Abandoned extends RuntimeException {

	Abandoned() {
		super("abandoned", null, false, false);
	}

}
