package dev.archon.agentgen.job;

import java.util.UUID;

/**
 * No job has this id.
 */
public class JobNotFound extends RuntimeException {

	public JobNotFound(UUID id) {
		super("No agent job " + id);
	}

}
