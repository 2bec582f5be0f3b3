package dev.archon.ha.patterns;

/**
 * An automation of the same id exists in Home Assistant, and Archon did not create it.
 */
public class ForeignAutomationExists extends RuntimeException {

	private final String id;

	ForeignAutomationExists(String id) {
		super("Home Assistant already has an automation with the id '" + id
				+ "', and Archon did not create it; choose another id, or ask for replace=true to overwrite it");
		this.id = id;
	}

	public String id() {
		return this.id;
	}

}
