package dev.archon.api.wire.agents;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One version of a generated agent.
 *
 * @param number the version, from 1
 * @param status where it is; every version before the latest succeeded, since only a
 * succeeded job takes the message that makes the next
 * @param feedback the message that asked for it, {@code null} for the first
 * @param createdAt when it was asked for
 */
public record AgentVersion(int number, JobStatus status, @Nullable String feedback, Instant createdAt) {

}
