package dev.archon.api.wire.agents;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * A pipeline step started.
 *
 * @param step its name, such as {@code scope} or {@code refine-1-tools}
 * @param version the version it belongs to
 */
@JsonTypeName("step-started")
public record StepStarted(String step, int version) implements JobEvent {

}
