package dev.archon.api.wire.agents;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * archon-vector could not be asked for documentation: the agent is generated without it.
 * Its type keeps the name that clients know, {@code ungrounded}.
 *
 * @param detail what the user should know
 */
@JsonTypeName("ungrounded")
public record RetrievalFailed(String detail) implements JobEvent {

}
