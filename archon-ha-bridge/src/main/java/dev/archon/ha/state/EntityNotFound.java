package dev.archon.ha.state;

/**
 * No entity of that id is known to Home Assistant.
 */
public class EntityNotFound extends RuntimeException {

	private final String entityId;

	public EntityNotFound(String entityId) {
		super("No entity " + entityId + " is known to Home Assistant");
		this.entityId = entityId;
	}

	public String entityId() {
		return this.entityId;
	}

}
