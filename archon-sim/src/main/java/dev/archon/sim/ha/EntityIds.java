package dev.archon.sim.ha;

import java.util.regex.Pattern;

/**
 * Home Assistant's own rule for entity ids ({@code homeassistant.core.valid_entity_id}):
 * lower-case letters, digits and single underscores, a domain and an object id, neither
 * starting nor ending with an underscore.
 */
public final class EntityIds {

	private static final Pattern VALID = Pattern.compile("^(?!.+__)(?!_)[\\da-z_]+(?<!_)\\.(?!_)[\\da-z_]+(?<!_)$");

	private EntityIds() {
	}

	public static boolean isValid(String entityId) {
		return VALID.matcher(entityId).matches();
	}

	public static String domain(String entityId) {
		int dot = entityId.indexOf('.');
		return (dot < 0) ? entityId : entityId.substring(0, dot);
	}

}
