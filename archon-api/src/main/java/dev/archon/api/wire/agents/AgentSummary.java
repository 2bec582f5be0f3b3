package dev.archon.api.wire.agents;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A job in a list.
 *
 * @param id the job
 * @param status its status
 * @param version its version
 * @param description the start of its description
 * @param degraded whether the built-in provider wrote any of it
 * @param createdAt when it was accepted
 * @param finishedAt when it finished
 */
public record AgentSummary(UUID id, JobStatus status, int version, String description, boolean degraded,
		Instant createdAt, @Nullable Instant finishedAt) {

}
