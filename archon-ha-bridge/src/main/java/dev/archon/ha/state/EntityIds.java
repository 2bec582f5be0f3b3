package dev.archon.ha.state;

import java.util.regex.Pattern;

/**
 * Home Assistant's rule for entity ids ({@code homeassistant.core.valid_entity_id}), so
 * that the bridge refuses what Home Assistant would refuse before asking it.
 */
final class EntityIds {

	private static final Pattern VALID = Pattern.compile("^(?!.+__)(?!_)[\\da-z_]+(?<!_)\\.(?!_)[\\da-z_]+(?<!_)$");

	private EntityIds() {
	}

	static boolean isValid(String entityId) {
		return entityId.length() <= 255 && VALID.matcher(entityId).matches();
	}

	static String domain(String entityId) {
		int dot = entityId.indexOf('.');
		return (dot < 0) ? entityId : entityId.substring(0, dot);
	}

}
