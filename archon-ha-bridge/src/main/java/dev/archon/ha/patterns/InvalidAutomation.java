package dev.archon.ha.patterns;

/**
 * An automation that cannot be created as it is.
 */
public class InvalidAutomation extends RuntimeException {

	public InvalidAutomation(String message) {
		super(message);
	}

}
