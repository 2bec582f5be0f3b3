package dev.archon.agentgen.job;

import java.util.Map;
import java.util.UUID;

/**
 * One event of a job, as stored and as sent to SSE clients.
 *
 * @param id its id, increasing; the SSE event id
 * @param jobId the job
 * @param type {@code queued}, {@code job-started}, {@code step-started},
 * {@code step-finished}, {@code step-failed}, {@code step-restarted}, {@code failover},
 * {@code ungrounded} or {@code done}
 * @param data its fields
 */
public record JobEvent(long id, UUID jobId, String type, Map<String, Object> data) {

	static final String DONE = "done";

	static final String QUEUED = "queued";

}
