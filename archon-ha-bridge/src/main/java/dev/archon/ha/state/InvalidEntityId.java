package dev.archon.ha.state;

/**
 * An entity id that breaks Home Assistant's rule for entity ids.
 */
public class InvalidEntityId extends RuntimeException {

	private final String entityId;

	InvalidEntityId(String entityId) {
		super("'" + entityId + "' is not a valid entity id: Home Assistant expects <domain>.<object_id> in lower-case"
				+ " letters, digits and single underscores, neither part starting or ending with an underscore");
		this.entityId = entityId;
	}

	public String entityId() {
		return this.entityId;
	}

	/**
	 * Checks an entity id.
	 * @param entityId the id
	 * @return the id, when valid
	 * @throws InvalidEntityId when it is not
	 */
	public static String check(String entityId) {
		if (!EntityIds.isValid(entityId)) {
			throw new InvalidEntityId(entityId);
		}
		return entityId;
	}

}
