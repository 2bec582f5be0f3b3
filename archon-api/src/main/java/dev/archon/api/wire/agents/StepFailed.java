package dev.archon.api.wire.agents;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * A pipeline step failed for good, and its version with it.
 *
 * @param step its name
 * @param version the version it belongs to
 * @param detail why
 */
@JsonTypeName("step-failed")
public record StepFailed(String step, int version, String detail) implements JobEvent {

}
