package dev.archon.ha.control;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What a service call acts on, as far as it can be known before Home Assistant resolves
 * it.
 *
 * @param entityIds the entities it names, trimmed and in lower case
 * @param unresolved whether it also acts on something only Home Assistant can resolve: an
 * area, a device, a floor, a label, {@code all} entities, or a template
 */
public record Targets(Set<String> entityIds, boolean unresolved) {

	/** A call that names no target. */
	public static final Targets NONE = new Targets(Set.of(), false);

	/** The keys of a target that Home Assistant turns into entities itself. */
	private static final List<String> INDIRECT = List.of("area_id", "device_id", "floor_id", "label_id");

	public Targets {
		entityIds = Set.copyOf(entityIds);
	}

	/**
	 * The targets of a call, from each place Home Assistant reads them: the
	 * {@code target}, and the service data, which may hold {@code entity_id} and the
	 * other target keys too.
	 * @param sources targets and service data; missing or {@code null} ones are skipped
	 * @return what they name together
	 */
	public static Targets of(@Nullable JsonNode... sources) {
		Set<String> entityIds = new LinkedHashSet<>();
		boolean unresolved = false;
		for (JsonNode source : sources) {
			if (source == null || source.isMissingNode() || source.isNull()) {
				continue;
			}
			if (!source.isObject()) {
				// A template that renders the whole target or data.
				unresolved = true;
				continue;
			}
			unresolved |= collectEntityIds(source.path("entity_id"), entityIds);
			for (String key : INDIRECT) {
				JsonNode value = source.path(key);
				unresolved |= !value.isMissingNode() && !value.isNull() && !(value.isArray() && value.isEmpty())
						&& !(value.isString() && value.asString().isBlank());
			}
		}
		return new Targets(entityIds, unresolved);
	}

	/**
	 * Adds the entity ids of an {@code entity_id} value, in each form Home Assistant
	 * accepts: a string, a comma-separated string, or a list of strings.
	 * @return whether some could not be read
	 */
	private static boolean collectEntityIds(JsonNode value, Set<String> entityIds) {
		if (value.isMissingNode() || value.isNull()) {
			return false;
		}
		if (value.isArray()) {
			boolean unresolved = false;
			for (JsonNode item : value) {
				unresolved |= !item.isString() || collectEntityIds(item, entityIds);
			}
			return unresolved;
		}
		if (!value.isString() || Templates.isTemplate(value.asString())) {
			return true;
		}
		boolean unresolved = false;
		for (String part : value.asString().split(",")) {
			String entityId = AllowList.normalise(part);
			if (entityId.equals("all")) {
				unresolved = true;
			}
			else if (!entityId.isEmpty() && !entityId.equals("none")) {
				entityIds.add(entityId);
			}
		}
		return unresolved;
	}

}
