package dev.archon.ha.control;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import dev.archon.ha.state.InvalidEntityId;

/**
 * One call of a Home Assistant service.
 *
 * @param domain the service's domain, such as {@code light}
 * @param service the service, such as {@code turn_on}
 * @param target what it acts on: {@code entity_id}, {@code area_id}, {@code device_id}
 * (each a string or a list), possibly empty
 * @param data the service data, possibly empty
 */
public record ServiceCall(String domain, String service, ObjectNode target, ObjectNode data) {

	private static final Pattern NAME = Pattern.compile("^[a-z0-9_]{1,64}$");

	/**
	 * Services whose repetition has the same effect as one call, so that they may be sent
	 * again when the first answer was lost. A {@code toggle}, an {@code increment} or a
	 * {@code press} may not.
	 */
	private static final List<String> REPEATABLE = List.of("turn_on", "turn_off", "lock", "unlock", "open_cover",
			"close_cover", "stop_cover", "open_valve", "close_valve", "media_play", "media_pause", "media_stop",
			"volume_set", "volume_mute", "select_option", "reload");

	public ServiceCall {
		if (!NAME.matcher(domain).matches() || !NAME.matcher(service).matches()) {
			throw new InvalidServiceCall("'" + domain + "." + service
					+ "' is not a service name: domain and service are lower-case letters, digits and underscores");
		}
		for (String entityId : entityIds(target)) {
			InvalidEntityId.check(entityId);
		}
	}

	public static ServiceCall of(String domain, String service, @Nullable JsonNode target, @Nullable JsonNode data) {
		if (target != null && !target.isNull() && !target.isObject()) {
			throw new InvalidServiceCall("'target' must be an object with entity_id, area_id or device_id");
		}
		if (data != null && !data.isNull() && !data.isObject()) {
			throw new InvalidServiceCall("'data' must be an object");
		}
		ObjectNode targetNode = (target instanceof ObjectNode node) ? node.deepCopy()
				: JsonNodeFactory.instance.objectNode();
		ObjectNode dataNode = (data instanceof ObjectNode node) ? node.deepCopy()
				: JsonNodeFactory.instance.objectNode();
		return new ServiceCall(domain, service, targetNode, dataNode);
	}

	boolean repeatable() {
		return REPEATABLE.contains(this.service) || this.service.startsWith("set_");
	}

	/**
	 * The service data the REST API expects: the data with the target's members in it.
	 * @return a new object
	 */
	ObjectNode restBody() {
		ObjectNode body = this.data.deepCopy();
		this.target.properties().forEach((member) -> body.set(member.getKey(), member.getValue()));
		return body;
	}

	static List<String> entityIds(JsonNode target) {
		JsonNode ids = target.path("entity_id");
		List<String> result = new ArrayList<>();
		if (ids.isString()) {
			result.add(ids.asString());
		}
		else if (ids.isArray()) {
			ids.forEach((id) -> result.add(id.asString("")));
		}
		else if (!ids.isMissingNode() && !ids.isNull()) {
			throw new InvalidServiceCall("'target.entity_id' must be a string or a list of strings");
		}
		return result;
	}

}
