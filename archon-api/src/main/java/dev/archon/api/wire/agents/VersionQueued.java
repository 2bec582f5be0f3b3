package dev.archon.api.wire.agents;

import java.util.UUID;

/**
 * The answer to {@code POST /api/v1/agents/{id}/messages}.
 *
 * @param id the job
 * @param status {@code queued}
 * @param version the version that the message makes
 * @param lastEventId the id of the event that queued it: sent as {@code Last-Event-ID} to
 * {@code /api/v1/agents/{id}/events}, it follows this version from there, where a stream
 * from the start would end at the previous version's {@code done}
 */
public record VersionQueued(UUID id, JobStatus status, int version, long lastEventId) {

}
