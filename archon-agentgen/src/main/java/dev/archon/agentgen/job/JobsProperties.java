package dev.archon.agentgen.job;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Generation jobs.
 *
 * @param workers jobs this instance runs at once; 0 for an instance that only serves the
 * API
 * @param maxQueued queued jobs beyond which new ones are refused with 429
 * @param retryAfter the {@code Retry-After} of that refusal
 * @param lease how long a claimed job stays this worker's without renewal; another
 * instance takes it over after that
 * @param pollInterval how often one idle worker of this instance looks for queued jobs
 * without being woken up: jobs whose lease ran out, and those queued while Redis could
 * not tell
 * @param cacheTtl how long identical requests are answered from the result cache
 * @param instanceId this instance's name in leases, random when absent
 */
@ConfigurationProperties("archon.agentgen.jobs")
@Validated
public record JobsProperties(@DefaultValue("8") @Min(0) int workers, @DefaultValue("1000") @Min(1) int maxQueued,
		@DefaultValue("10s") Duration retryAfter, @DefaultValue("30s") Duration lease,
		@DefaultValue("2s") Duration pollInterval, @DefaultValue("24h") Duration cacheTtl,
		@Nullable String instanceId) {

}
