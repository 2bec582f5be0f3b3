package dev.archon.sim.ha;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The automation editor's store ({@code automations.yaml}): configurations by id, each
 * with an {@code automation.*} entity, as {@code /api/config/automation/config/{id}}
 * manages them.
 */
@Component
public class Automations {

	private final Map<String, Map<String, Object>> configs = new ConcurrentHashMap<>();

	private final Map<String, String> entityIds = new ConcurrentHashMap<>();

	private final States states;

	public Automations(States states) {
		this.states = states;
	}

	public @Nullable Map<String, Object> get(String id) {
		return this.configs.get(id);
	}

	/**
	 * Saves an automation and sets its entity, as the config editor does.
	 * @param id the automation's id
	 * @param config its configuration
	 * @param context what caused it
	 * @return the automation's entity id
	 * @throws InvalidServiceData when the configuration is not an automation
	 */
	public String save(String id, Map<String, Object> config, HaContext context) {
		if (!hasAny(config, "triggers", "trigger")) {
			throw new InvalidServiceData("required key not provided @ data['triggers']");
		}
		if (!hasAny(config, "actions", "action")) {
			throw new InvalidServiceData("required key not provided @ data['actions']");
		}
		Object mode = config.getOrDefault("mode", "single");
		if (!(mode instanceof String name)
				|| !java.util.List.of("single", "restart", "queued", "parallel").contains(name)) {
			throw new InvalidServiceData(
					"value must be one of ['parallel', 'queued', 'restart', 'single'] @ data['mode']");
		}
		Map<String, Object> stored = new LinkedHashMap<>();
		stored.put("id", id);
		stored.putAll(config);
		stored.put("id", id);
		this.configs.put(id, stored);
		String alias = (config.get("alias") instanceof String text && !text.isBlank()) ? text : null;
		String entityId = this.entityIds.computeIfAbsent(id,
				(key) -> "automation." + slugify((alias != null) ? alias : key));
		Map<String, @Nullable Object> attributes = new LinkedHashMap<>();
		attributes.put("id", id);
		attributes.put("last_triggered", null);
		attributes.put("mode", mode);
		attributes.put("current", 0);
		attributes.put("friendly_name", (alias != null) ? alias : id);
		@SuppressWarnings("unchecked")
		Map<String, Object> frozen = (Map<String, Object>) (Map<String, ?>) java.util.Collections
			.unmodifiableMap(attributes);
		this.states.set(entityId, "on", frozen, false, context);
		return entityId;
	}

	/**
	 * Deletes an automation and its entity.
	 * @param id the automation's id
	 * @param context what caused it
	 * @return whether it existed
	 */
	public boolean delete(String id, HaContext context) {
		if (this.configs.remove(id) == null) {
			return false;
		}
		String entityId = this.entityIds.remove(id);
		if (entityId != null) {
			this.states.remove(entityId, context);
		}
		return true;
	}

	private static boolean hasAny(Map<String, Object> config, String... keys) {
		for (String key : keys) {
			Object value = config.get(key);
			if (value != null && !(value instanceof java.util.Collection<?> c && c.isEmpty())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Home Assistant's {@code slugify}: lower case, runs of anything but letters and
	 * digits become one underscore.
	 * @param text the text
	 * @return the slug
	 */
	static String slugify(String text) {
		String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
		return slug.isEmpty() ? "unnamed" : slug;
	}

}
