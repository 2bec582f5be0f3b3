package dev.archon.ha.patterns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

import dev.archon.api.wire.ha.PatternReport;

/**
 * Turns regularities and co-occurrences into Home Assistant automations, as YAML for
 * people and as the automation editor's JSON for {@code POST /api/v1/ha/automations}.
 * Nothing that opens the home to strangers is ever suggested: no unlocking, no opening of
 * a garage door.
 */
final class Suggestions {

	private static final List<String> WEEKDAYS = List.of("mon", "tue", "wed", "thu", "fri");

	private static final List<String> WEEKENDS = List.of("sat", "sun");

	private Suggestions() {
	}

	static List<PatternReport.Suggestion> from(List<PatternReport.Regularity> regularities,
			List<PatternReport.CoOccurrence> coOccurrences, double minConfidence, JsonMapper json) {
		List<PatternReport.Suggestion> suggestions = new ArrayList<>();
		for (PatternReport.Regularity regularity : regularities) {
			Map<String, Object> action = action(regularity.entityId(), regularity.state());
			// A wide spread makes a fixed time a worse guess.
			double confidence = round(regularity.share() * Math.max(0.5, 1 - regularity.plusMinusMinutes() / 60.0));
			if (action == null || confidence < minConfidence) {
				continue;
			}
			String id = id("archon", regularity.entityId(), regularity.state(), regularity.time().replace(":", ""),
					regularity.days());
			Map<String, Object> config = new LinkedHashMap<>();
			config.put("id", id);
			config.put("alias", String.format(Locale.ROOT, "%s %s at %s on %s", regularity.entityId(),
					regularity.state(), regularity.time(), regularity.days()));
			config.put("description", "Suggested by Archon: " + regularity.description());
			config.put("triggers", List.of(Map.of("trigger", "time", "at", regularity.time() + ":00")));
			List<Object> conditions = new ArrayList<>();
			if (!regularity.days().equals("every day")) {
				Map<String, Object> condition = new LinkedHashMap<>();
				condition.put("condition", "time");
				condition.put("weekday", regularity.days().equals("weekdays") ? WEEKDAYS : WEEKENDS);
				conditions.add(condition);
			}
			config.put("conditions", conditions);
			config.put("actions", List.of(action));
			config.put("mode", "single");
			suggestions.add(suggestion(id, confidence, regularity.description(), config, json));
		}
		for (PatternReport.CoOccurrence pair : coOccurrences) {
			Map<String, Object> action = action(pair.follower(), pair.followerState());
			if (action == null || pair.confidence() < minConfidence) {
				continue;
			}
			String id = id("archon", pair.follower(), pair.followerState(), "after", pair.trigger());
			Map<String, Object> trigger = new LinkedHashMap<>();
			trigger.put("trigger", "state");
			trigger.put("entity_id", pair.trigger());
			trigger.put("to", pair.triggerState());
			Map<String, Object> config = new LinkedHashMap<>();
			config.put("id", id);
			config.put("alias", String.format(Locale.ROOT, "%s %s when %s is %s", pair.follower(), pair.followerState(),
					pair.trigger(), pair.triggerState()));
			config.put("description", "Suggested by Archon: " + pair.description());
			config.put("triggers", List.of(trigger));
			config.put("conditions", List.of());
			config.put("actions", List.of(action));
			config.put("mode", "single");
			suggestions.add(suggestion(id, pair.confidence(), pair.description(), config, json));
		}
		suggestions.sort((a, b) -> Double.compare(b.confidence(), a.confidence()));
		return suggestions;
	}

	private static PatternReport.Suggestion suggestion(String id, double confidence, String description,
			Map<String, Object> config, JsonMapper json) {
		return new PatternReport.Suggestion(id, confidence, description, yaml(config), json.valueToTree(config));
	}

	/**
	 * An automation as a person would paste it into Home Assistant's YAML: block style,
	 * each string quoted where YAML 1.1, as Home Assistant reads it, would otherwise take
	 * it for something else ({@code on} for a boolean, {@code 06:45:00} for a number) or
	 * break on it ({@code :}, {@code #}, quotes, line breaks).
	 */
	static String yaml(Map<String, Object> automation) {
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		options.setIndent(2);
		options.setIndicatorIndent(2);
		options.setIndentWithIndicator(true);
		options.setSplitLines(false);
		return new Yaml(options).dump(automation);
	}

	/** The service call that puts an entity into a state, when there is a safe one. */
	static @Nullable Map<String, Object> action(String entityId, String state) {
		String domain = entityId.substring(0, entityId.indexOf('.'));
		String service = switch (domain) {
			case "light", "switch", "fan", "input_boolean" -> switch (state) {
				case "on" -> "turn_on";
				case "off" -> "turn_off";
				default -> null;
			};
			case "cover" -> switch (state) {
				case "open" -> entityId.contains("garage") ? null : "open_cover";
				case "closed" -> "close_cover";
				default -> null;
			};
			case "lock" -> "locked".equals(state) ? "lock" : null;
			case "media_player" -> switch (state) {
				case "playing" -> "media_play";
				case "off" -> "turn_off";
				default -> null;
			};
			case "climate" -> "set_hvac_mode";
			default -> null;
		};
		if (service == null) {
			return null;
		}
		Map<String, Object> action = new LinkedHashMap<>();
		action.put("action", domain + "." + service);
		action.put("target", Map.of("entity_id", entityId));
		if (domain.equals("climate")) {
			action.put("data", Map.of("hvac_mode", state));
		}
		return action;
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

	private static String id(String... parts) {
		return String.join("_", parts).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_");
	}

}
