package dev.archon.api.wire.agents;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.jspecify.annotations.Nullable;

/**
 * A version was queued: the first when the job was accepted, each next one by a message.
 *
 * @param version the version
 * @param feedback the message that asked for it, {@code null} for the first
 */
@JsonTypeName("queued")
public record JobQueued(int version, @Nullable String feedback) implements JobEvent {

}
