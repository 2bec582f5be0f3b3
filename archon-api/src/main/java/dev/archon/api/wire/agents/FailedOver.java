package dev.archon.api.wire.agents;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * The provider pool moved a step's call from one provider to the next.
 *
 * @param step the step
 * @param from the provider that failed or was skipped
 * @param to the provider tried next
 * @param reason why, such as {@code transient}, {@code timeout} or {@code circuit-open}
 */
@JsonTypeName("failover")
public record FailedOver(String step, String from, String to, String reason) implements JobEvent {

}
