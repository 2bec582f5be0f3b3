package dev.archon.agentgen.job.web;

import java.util.Set;

/**
 * No prompts exist for the framework asked for.
 */
class UnknownFramework extends RuntimeException {

	private final String framework;

	UnknownFramework(String framework, Set<String> known) {
		super("Unknown framework '" + framework + "'; known: " + String.join(", ", known));
		this.framework = framework;
	}

	String framework() {
		return this.framework;
	}

}
