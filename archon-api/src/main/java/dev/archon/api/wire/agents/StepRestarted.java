package dev.archon.api.wire.agents;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * A step's answer broke off after it had produced tokens, which no failover can hide: the
 * step starts over.
 *
 * @param step its name
 * @param version the version it belongs to
 * @param provider the provider whose stream broke
 * @param reason what broke
 */
@JsonTypeName("step-restarted")
public record StepRestarted(String step, int version, String provider, String reason) implements JobEvent {

}
