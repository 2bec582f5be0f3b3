package dev.archon.api.wire.agents;

import java.util.UUID;

/**
 * The answer to {@code POST /api/v1/agents}, with the job's URL in {@code Location}.
 *
 * @param id the job
 * @param status {@code queued}, or already finished when the result cache or an earlier
 * request with the same {@code Idempotency-Key} answered
 * @param cached whether the result cache answered
 */
public record AgentAccepted(UUID id, JobStatus status, boolean cached) {

}
