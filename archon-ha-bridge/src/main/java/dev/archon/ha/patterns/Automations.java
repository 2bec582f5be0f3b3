package dev.archon.ha.patterns;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.archon.api.wire.ha.SavedAutomation;
import dev.archon.ha.client.HomeAssistantRest;

/**
 * Creates automations in Home Assistant, such as the suggestions of a pattern analysis,
 * after checking every service they could call.
 * <p>
 * A caller may choose an automation's id, and the automation editor's API replaces
 * whatever automation has that id. So before saving, the automation of that id is looked
 * up through the same API ({@code GET /api/config/automation/config/<id>}, 404 when there
 * is none), and one that Archon did not create is only replaced when the caller asks for
 * it. Archon recognises its own automations by the last line it writes into each one's
 * description, {@value #MARKER}. It lives in Home Assistant with the automation, so every
 * instance of the bridge agrees, and nothing is kept beside it; an automation someone has
 * since edited in Home Assistant and whose description lost the line counts as theirs,
 * which errs on the safe side. An id prefix could not tell, as callers choose ids freely
 * and people may too. Home Assistant offers no conditional write, so an automation
 * created by someone else between the look-up and the save (a few milliseconds) would
 * still be replaced.
 */
public class Automations {

	static final String MARKER = "Created by Archon.";

	private static final String ID = "[A-Za-z0-9_\\-]{1,64}";

	private final HomeAssistantRest rest;

	private final AutomationServices services;

	Automations(HomeAssistantRest rest, AutomationServices services) {
		this.rest = rest;
		this.services = services;
	}

	/**
	 * Creates an automation, or replaces one of the same id.
	 * @param config the automation editor's JSON, as a suggestion carries it
	 * @param replace whether an automation of the same id that Archon did not create may
	 * be replaced
	 * @return what was saved
	 * @throws InvalidAutomation when it holds something that cannot be checked
	 * @throws dev.archon.ha.control.ServiceNotAllowed when it names a service the
	 * allow-list refuses
	 * @throws ForeignAutomationExists when it would replace an automation Archon did not
	 * create, unasked
	 */
	public SavedAutomation save(JsonNode config, boolean replace) {
		if (!(config instanceof ObjectNode given)) {
			throw new InvalidAutomation("The automation must be a JSON object");
		}
		ObjectNode automation = given.deepCopy();
		this.services.check(automation);
		String id = automation.path("id").isString() ? automation.path("id").asString() : "";
		if (!id.matches(ID)) {
			id = "archon_" + PatternAnalysis.digest(List.of(automation.toString())).substring(0, 12);
		}
		automation.put("id", id);
		mark(automation);
		JsonNode existing = this.rest.automation(id);
		if (existing != null && !replace && !isArchons(existing)) {
			throw new ForeignAutomationExists(id);
		}
		this.rest.saveAutomation(id, automation);
		return new SavedAutomation(id, existing != null);
	}

	private static void mark(ObjectNode automation) {
		JsonNode description = automation.get("description");
		if (description != null && !description.isNull() && !description.isString()) {
			throw new InvalidAutomation("description", "a description must be a string");
		}
		String text = (description != null && description.isString()) ? description.asString().strip() : "";
		if (!text.endsWith(MARKER)) {
			automation.put("description", text.isEmpty() ? MARKER : text + "\n\n" + MARKER);
		}
	}

	static boolean isArchons(@Nullable JsonNode automation) {
		JsonNode description = (automation != null) ? automation.path("description") : null;
		return description != null && description.isString() && description.asString().strip().endsWith(MARKER);
	}

}
