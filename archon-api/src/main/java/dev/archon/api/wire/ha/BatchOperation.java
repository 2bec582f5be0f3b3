package dev.archon.api.wire.ha;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One operation of a batch. Nothing is required here: an operation that is invalid fails
 * alone, with its own problem, and the others still run.
 *
 * @param domain the service's domain
 * @param service the service
 * @param target its target, as in {@link ServiceRequest}
 * @param data its service data
 */
public record BatchOperation(@Nullable String domain, @Nullable String service, @Nullable JsonNode target,
		@Nullable JsonNode data) {

}
