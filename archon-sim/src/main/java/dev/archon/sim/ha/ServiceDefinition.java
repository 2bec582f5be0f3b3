package dev.archon.sim.ha;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A registered service.
 *
 * @param domain its domain
 * @param service its name
 * @param description what it does
 * @param fields its fields, besides the target keys
 * @param targetDomains the entity domains it targets; empty for a service without a
 * target
 * @param supportsResponse whether it answers with data
 * @param handler what it does
 */
public record ServiceDefinition(String domain, String service, String description, List<ServiceField> fields,
		List<String> targetDomains, SupportsResponse supportsResponse, Handler handler) {

	public boolean hasTarget() {
		return !this.targetDomains.isEmpty();
	}

	/**
	 * The service as {@code /api/services} and {@code get_services} describe it.
	 * @return the description
	 */
	public Map<String, Object> describe() {
		Map<String, Object> description = new LinkedHashMap<>();
		description.put("name", DemoNames.title(this.service));
		description.put("description", this.description);
		Map<String, Object> fields = new LinkedHashMap<>();
		for (ServiceField field : this.fields) {
			fields.put(field.key(), field.describe());
		}
		description.put("fields", fields);
		if (hasTarget()) {
			description.put("target", Map.of("entity", List.of(Map.of("domain", this.targetDomains))));
		}
		if (this.supportsResponse != SupportsResponse.NONE) {
			description.put("response", Map.of("optional", this.supportsResponse == SupportsResponse.OPTIONAL));
		}
		return description;
	}

	/**
	 * Does what a service does.
	 */
	@FunctionalInterface
	public interface Handler {

		/**
		 * Runs the service.
		 * @param call the checked call
		 * @return the response data, {@code null} for none
		 */
		@Nullable Object handle(ServiceCall call);

	}

}
