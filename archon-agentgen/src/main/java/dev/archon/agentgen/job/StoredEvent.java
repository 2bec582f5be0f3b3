package dev.archon.agentgen.job;

import java.util.UUID;

import dev.archon.api.wire.agents.JobEvent;

/**
 * A job's event as stored, and as published to the instances that stream it.
 *
 * @param id its id, increasing; the SSE event id that {@code Last-Event-ID} resumes from
 * @param jobId the job
 * @param event what happened
 */
public record StoredEvent(long id, UUID jobId, JobEvent event) {

}
