package dev.archon.api.wire.agents;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * A worker claimed the job: for the first time, or again after the one that held it
 * stopped or lost its lease.
 *
 * @param attempt how many times the job was claimed, this one included
 * @param version the version it works on
 * @param worker the instance that claimed it
 */
@JsonTypeName("job-started")
public record JobStarted(int attempt, int version, String worker) implements JobEvent {

}
