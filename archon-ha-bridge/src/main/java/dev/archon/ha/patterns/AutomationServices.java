package dev.archon.ha.patterns;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import dev.archon.ha.control.AllowList;
import dev.archon.ha.control.Targets;
import dev.archon.ha.control.Templates;

/**
 * Holds every service an automation could call to the allow-list that direct calls pass.
 * <p>
 * It walks the automation as Home Assistant's schema reads it: the triggers, conditions
 * and actions under their current and legacy keys, a single item wherever Home Assistant
 * takes a list, and each action container ({@code sequence}, {@code parallel},
 * {@code choose} and its {@code default}, {@code if}/{@code then}/{@code else},
 * {@code repeat}, {@code wait_for_trigger}). A service is named by {@code action}, or the
 * legacy {@code service} and {@code service_template}, and must be one plain
 * {@code domain.service}: a list, a template or anything else that only Home Assistant
 * could resolve is refused, and so is any key or kind of action not known here, since
 * what it runs cannot be told. Triggers and conditions never call services in Home
 * Assistant; a service key in them is checked all the same, so that no reading of the
 * automation, today's or a later version's, can run one that was not checked.
 */
final class AutomationServices {

	private static final Pattern SERVICE_NAME = Pattern.compile("[a-z0-9_]+\\.[a-z0-9_]+");

	private static final List<String> SERVICE_KEYS = List.of("action", "service", "service_template");

	private static final Set<String> TOP_LEVEL_KEYS = Set.of("id", "alias", "description", "triggers", "trigger",
			"conditions", "condition", "actions", "action", "mode", "max", "max_exceeded", "variables",
			"trigger_variables", "trace", "initial_state");

	/** The keys by which Home Assistant tells which kind of action an object is. */
	private static final Set<String> ACTION_KINDS = Set.of("action", "service", "service_template", "delay",
			"wait_template", "condition", "and", "or", "not", "event", "device_id", "scene", "repeat", "choose",
			"wait_for_trigger", "variables", "if", "stop", "parallel", "set_conversation_response", "sequence");

	/** The keys of an action that hold nothing Home Assistant runs as an action. */
	private static final Set<String> INERT_ACTION_KEYS = Set.of("alias", "continue_on_error", "enabled", "data",
			"data_template", "target", "entity_id", "metadata", "response_variable", "delay", "wait_template",
			"timeout", "continue_on_timeout", "variables", "stop", "error", "set_conversation_response");

	private static final Set<String> CONDITION_KINDS = Set.of("condition", "and", "or", "not");

	private static final Set<String> NESTED_CONDITIONS = Set.of("conditions", "and", "or", "not");

	private final AllowList allowList;

	AutomationServices(AllowList allowList) {
		this.allowList = allowList;
	}

	/**
	 * Checks every service an automation names, and writes each name back as Home
	 * Assistant reads it (trimmed, in lower case), so that what runs is what was checked.
	 * @param automation the automation editor's JSON
	 * @throws InvalidAutomation when it holds something that cannot be checked
	 * @throws dev.archon.ha.control.ServiceNotAllowed when it names a service the
	 * allow-list refuses
	 */
	void check(ObjectNode automation) {
		for (Map.Entry<String, JsonNode> member : automation.properties()) {
			if (!TOP_LEVEL_KEYS.contains(member.getKey())) {
				throw new InvalidAutomation(member.getKey(),
						"Archon does not know this key of an automation (a blueprint's use_blueprint included), so"
								+ " it cannot tell what it runs");
			}
		}
		String triggers = oneOf(automation, "triggers", "trigger");
		String conditions = oneOf(automation, "conditions", "condition");
		String actions = oneOf(automation, "actions", "action");
		// Services first: an automation that names a refused one is refused for that,
		// whatever else is wrong with it.
		if (triggers != null) {
			triggers(triggers, automation.get(triggers));
		}
		if (conditions != null) {
			conditions(conditions, automation.get(conditions));
		}
		if (actions != null) {
			actions(actions, automation.get(actions));
		}
		if (triggers == null || actions == null || items(triggers, automation.get(triggers)).isEmpty()
				|| items(actions, automation.get(actions)).isEmpty()) {
			throw new InvalidAutomation("An automation needs at least one trigger and one action");
		}
	}

	/**
	 * The key an automation uses for a part: Home Assistant renames the legacy singular
	 * key to the plural one, and refuses both at once.
	 */
	private static @Nullable String oneOf(ObjectNode automation, String plural, String singular) {
		if (automation.has(plural) && automation.has(singular)) {
			throw new InvalidAutomation(singular, "'" + singular + "' and '" + plural
					+ "' are the same part of an automation, and Home Assistant takes only one: use '" + plural + "'");
		}
		return automation.has(plural) ? plural : automation.has(singular) ? singular : null;
	}

	private void triggers(String path, JsonNode triggers) {
		for (Item item : items(path, triggers)) {
			if (!(item.node() instanceof ObjectNode trigger)) {
				throw new InvalidAutomation(item.path(), "a trigger must be an object");
			}
			services(item.path(), trigger, Targets.NONE);
			if (trigger.has("triggers")) {
				// A list of triggers in a trigger, as blueprints' inputs make them.
				triggers(item.path() + ".triggers", trigger.get("triggers"));
			}
		}
	}

	private void conditions(String path, JsonNode conditions) {
		for (Item item : items(path, conditions)) {
			if (item.node().isString()) {
				// The shorthand of a template condition: it renders a truth value.
				continue;
			}
			if (!(item.node() instanceof ObjectNode condition)) {
				throw new InvalidAutomation(item.path(), "a condition must be an object or a template");
			}
			services(item.path(), condition, Targets.NONE);
			nestedConditions(item.path(), condition);
		}
	}

	private void nestedConditions(String path, ObjectNode condition) {
		for (String key : NESTED_CONDITIONS) {
			if (condition.has(key)) {
				conditions(path + "." + key, condition.get(key));
			}
		}
	}

	private void actions(String path, JsonNode actions) {
		for (Item item : items(path, actions)) {
			action(item.path(), item.node());
		}
	}

	private void action(String path, JsonNode node) {
		if (!(node instanceof ObjectNode action)) {
			throw new InvalidAutomation(path, "an action must be an object");
		}
		if (action.properties().stream().noneMatch((member) -> ACTION_KINDS.contains(member.getKey()))) {
			throw new InvalidAutomation(path,
					"Archon does not know this kind of action, so it cannot tell what it runs");
		}
		// Home Assistant reads an action with a condition key as a condition, whose other
		// keys depend on its kind; every other action is known key by key.
		boolean condition = action.properties()
			.stream()
			.anyMatch((member) -> CONDITION_KINDS.contains(member.getKey()));
		JsonNode entityId = action.get("entity_id");
		services(path, action, Targets.of(action.get("target"), action.get("data"), action.get("data_template"),
				(entityId != null) ? JsonNodeFactory.instance.objectNode().set("entity_id", entityId) : null));
		if (condition) {
			nestedConditions(path, action);
		}
		// A copy, as naming a scene writes its normalised entity id back.
		for (Map.Entry<String, JsonNode> member : List.copyOf(action.properties())) {
			String key = member.getKey();
			String at = path + "." + key;
			JsonNode value = member.getValue();
			switch (key) {
				case "action", "service", "service_template", "condition", "conditions", "and", "or", "not" -> {
					// Checked above.
				}
				case "sequence", "parallel", "then", "else", "default" -> actions(at, value);
				case "choose" -> choose(at, value);
				case "if" -> conditions(at, value);
				case "repeat" -> repeat(at, value);
				case "wait_for_trigger" -> triggers(at, value);
				case "scene" -> scene(action, at, value);
				case "event" -> throw new InvalidAutomation(at, "an event may start other automations and scripts,"
						+ " or pass for one of Home Assistant's own (homeassistant_stop), which no allow-list of"
						+ " services can check: events cannot be fired from here");
				case "device_id" -> {
					if (!condition) {
						throw new InvalidAutomation(at, "a device action runs whatever its integration makes of it,"
								+ " which no allow-list of services can check: call the service instead");
					}
				}
				default -> {
					if (!condition && !INERT_ACTION_KEYS.contains(key)) {
						throw new InvalidAutomation(at,
								"Archon does not know this key of an action, so it cannot tell what it runs");
					}
				}
			}
		}
	}

	private void choose(String path, JsonNode choose) {
		for (Item item : items(path, choose)) {
			if (!(item.node() instanceof ObjectNode option)) {
				throw new InvalidAutomation(item.path(), "a choice must be an object with conditions and a sequence");
			}
			for (Map.Entry<String, JsonNode> member : option.properties()) {
				String at = item.path() + "." + member.getKey();
				switch (member.getKey()) {
					case "conditions" -> conditions(at, member.getValue());
					case "sequence" -> actions(at, member.getValue());
					case "alias" -> {
					}
					default -> throw new InvalidAutomation(at,
							"Archon does not know this key of a choice, so it cannot tell what it runs");
				}
			}
		}
	}

	private void repeat(String path, JsonNode repeat) {
		if (!(repeat instanceof ObjectNode loop)) {
			throw new InvalidAutomation(path, "a repeat must be an object with a sequence");
		}
		for (Map.Entry<String, JsonNode> member : loop.properties()) {
			String at = path + "." + member.getKey();
			switch (member.getKey()) {
				case "sequence" -> actions(at, member.getValue());
				case "while", "until" -> conditions(at, member.getValue());
				case "count", "for_each" -> {
				}
				default -> throw new InvalidAutomation(at,
						"Archon does not know this key of a repeat, so it cannot tell what it runs");
			}
		}
	}

	/** A scene action is {@code scene.turn_on} of its scene. */
	private void scene(ObjectNode action, String path, JsonNode scene) {
		if (!scene.isString() || Templates.isTemplate(scene.asString())) {
			throw new InvalidAutomation(path, "a scene must be named as one plain entity id 'scene.name'");
		}
		String entityId = AllowList.normalise(scene.asString());
		if (!entityId.startsWith("scene.") || !SERVICE_NAME.matcher(entityId).matches()) {
			throw new InvalidAutomation(path, "'" + scene.asString() + "' is not the entity id of a scene");
		}
		this.allowList.check("scene", "turn_on", new Targets(Set.of(entityId), false), path);
		action.put("scene", entityId);
	}

	private void services(String path, ObjectNode holder, Targets targets) {
		for (String key : SERVICE_KEYS) {
			if (holder.has(key)) {
				String name = serviceName(path + "." + key, holder.get(key));
				int dot = name.indexOf('.');
				this.allowList.check(name.substring(0, dot), name.substring(dot + 1), targets, path + "." + key);
				holder.put(key, name);
			}
		}
	}

	private static String serviceName(String path, JsonNode value) {
		if (value.isArray()) {
			throw new InvalidAutomation(path,
					"a list of services cannot be checked against the allow-list: name one service 'domain.service'");
		}
		if (!value.isString()) {
			throw new InvalidAutomation(path, "a service must be named by a string 'domain.service'");
		}
		if (Templates.isTemplate(value.asString())) {
			throw new InvalidAutomation(path, "a template chooses its service only when it runs, so it cannot be"
					+ " checked against the allow-list: name the service 'domain.service'");
		}
		String name = AllowList.normalise(value.asString());
		if (!SERVICE_NAME.matcher(name).matches()) {
			throw new InvalidAutomation(path, "'" + value.asString() + "' is not a service name 'domain.service'");
		}
		return name;
	}

	/**
	 * The items of a list, or the one item Home Assistant makes of anything else but
	 * {@code null}, each with its path.
	 */
	private static List<Item> items(String path, JsonNode node) {
		List<Item> items = new ArrayList<>();
		if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				items.add(new Item(path + "[" + i + "]", node.get(i)));
			}
		}
		else if (!node.isNull() && !node.isMissingNode()) {
			items.add(new Item(path, node));
		}
		return items;
	}

	private record Item(String path, JsonNode node) {

	}

}
