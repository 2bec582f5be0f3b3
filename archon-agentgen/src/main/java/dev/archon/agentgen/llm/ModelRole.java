package dev.archon.agentgen.llm;

/**
 * Which of a provider's models answers a call.
 */
public enum ModelRole {

	/** The model that reasons about scope. */
	REASONER,

	/** The model of every other step. */
	PRIMARY

}
