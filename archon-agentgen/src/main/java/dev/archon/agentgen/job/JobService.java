package dev.archon.agentgen.job;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.archon.agentgen.pipeline.ValidationReport;
import dev.archon.agentgen.pipeline.ValidationReports;
import dev.archon.api.wire.agents.AgentAccepted;
import dev.archon.api.wire.agents.AgentDiff;
import dev.archon.api.wire.agents.AgentFile;
import dev.archon.api.wire.agents.AgentJob;
import dev.archon.api.wire.agents.AgentSummary;
import dev.archon.api.wire.agents.AgentVersion;
import dev.archon.api.wire.agents.AgentVersionFiles;
import dev.archon.api.wire.agents.JobCancelled;
import dev.archon.api.wire.agents.JobQueued;
import dev.archon.api.wire.agents.JobStatus;
import dev.archon.api.wire.agents.JobSucceeded;
import dev.archon.api.wire.agents.VersionQueued;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * Accepts, reads, refines and cancels generation jobs.
 */
@Service
public class JobService {

	private final Jobs jobs;

	private final JobEvents events;

	private final ResultCache cache;

	private final JobWorkers workers;

	private final JobsProperties properties;

	JobService(Jobs jobs, JobEvents events, ResultCache cache, JobWorkers workers, JobsProperties properties) {
		this.jobs = jobs;
		this.events = events;
		this.cache = cache;
		this.workers = workers;
		this.properties = properties;
	}

	/**
	 * Accepts a job: answered from the result cache when an identical one was made, the
	 * existing job when the idempotency key was seen, else queued.
	 * @param job the request
	 * @return the job's id and status
	 * @throws QueueFull when too many jobs wait
	 */
	public AgentAccepted submit(NewJob job) {
		if (job.idempotencyKey() != null) {
			Optional<Jobs.Keyed> existing = this.jobs.findByIdempotencyKey(job.idempotencyKey());
			if (existing.isPresent()) {
				return new AgentAccepted(existing.get().id(), existing.get().status(), false);
			}
		}
		String cacheKey = ResultCache.key(job.description(), job.framework(), job.refinements(), job.sources());
		UUID id = UUID.randomUUID();
		if (job.useCache()) {
			Optional<CachedResult> cached = this.cache.get(cacheKey);
			if (cached.isPresent()) {
				JobSucceeded done = Provenance.cached(cached.get())
					.succeeded(1, false, ValidationReports.read(cached.get().validation()).passed(), true);
				Optional<Long> event = this.jobs.insert(id, job, cacheKey, cached.get(), done, this.events.json(done));
				if (event.isEmpty()) {
					return existing(job);
				}
				this.events.publish(new StoredEvent(event.get(), id, done));
				return new AgentAccepted(id, JobStatus.SUCCEEDED, true);
			}
		}
		int queued = this.jobs.countQueued();
		if (queued >= this.properties.maxQueued()) {
			throw new QueueFull(queued, this.properties.retryAfter());
		}
		JobQueued first = new JobQueued(1, null);
		Optional<Long> event = this.jobs.insert(id, job, cacheKey, null, first, this.events.json(first));
		if (event.isEmpty()) {
			return existing(job);
		}
		this.events.publish(new StoredEvent(event.get(), id, first));
		this.workers.jobQueued();
		return new AgentAccepted(id, JobStatus.QUEUED, false);
	}

	/**
	 * The job that another request with the same idempotency key made, when it won the
	 * race to insert.
	 */
	private AgentAccepted existing(NewJob job) {
		Jobs.Keyed existing = this.jobs.findByIdempotencyKey(String.valueOf(job.idempotencyKey())).orElseThrow();
		return new AgentAccepted(existing.id(), existing.status(), false);
	}

	public AgentJob get(UUID id) {
		Jobs.Row row = this.jobs.find(id).orElseThrow(() -> new JobNotFound(id));
		List<AgentJob.Step> steps = this.jobs.steps(id);
		Integer filesVersion = this.jobs.latestFilesVersion(id).orElse(null);
		List<AgentFile> files = (filesVersion != null) ? agentFiles(this.jobs.files(id, filesVersion)) : List.of();
		Provenance provenance = (filesVersion != null) ? this.jobs.provenance(id, filesVersion) : Provenance.UNRECORDED;
		Map<String, AgentJob.ProviderUse> providers = new LinkedHashMap<>();
		long input = 0;
		long output = 0;
		BigDecimal cost = BigDecimal.ZERO;
		for (AgentJob.Step step : steps) {
			input += step.inputTokens();
			output += step.outputTokens();
			cost = cost.add(step.cost());
			if (step.provider() != null && step.model() != null) {
				providers.merge(step.provider() + "/" + step.model(),
						new AgentJob.ProviderUse(step.provider(), step.model(), 1),
						(a, b) -> new AgentJob.ProviderUse(a.provider(), a.model(), a.calls() + 1));
			}
		}
		return new AgentJob(row.id(), row.status(), row.version(), row.description(), row.framework(),
				row.refinements(), row.sources(), row.degraded(), row.grounded(), row.cached(), row.error(),
				row.attempts(), row.createdAt(), row.startedAt(), row.finishedAt(), steps, files, filesVersion,
				List.copyOf(providers.values()), new AgentJob.Tokens(input, output), cost.stripTrailingZeros(),
				(row.validation() != null) ? validation(ValidationReports.read(row.validation())) : null,
				provenance.plan(), provenance.pages(), provenance.tools());
	}

	private static AgentJob.Validation validation(ValidationReport report) {
		return new AgentJob.Validation(report.passed(),
				report.checks()
					.stream()
					.map((check) -> new AgentJob.Check(check.name(), check.status(), check.detail()))
					.toList());
	}

	public List<AgentSummary> list(@Nullable JobStatus status, int limit) {
		return this.jobs.list(status, limit);
	}

	/**
	 * The files of a job's latest version.
	 * @param id the job
	 * @return the version and its files
	 */
	public Files files(UUID id) {
		Jobs.Row row = this.jobs.find(id).orElseThrow(() -> new JobNotFound(id));
		Integer version = this.jobs.latestFilesVersion(id).orElse(null);
		if (version == null) {
			throw new NoFilesYet(id, row.version());
		}
		return new Files(version, this.jobs.files(id, version));
	}

	/**
	 * The versions of a job, from the events that queued them.
	 * @param id the job
	 * @return its versions, oldest first
	 */
	public List<AgentVersion> versions(UUID id) {
		Jobs.Row row = this.jobs.find(id).orElseThrow(() -> new JobNotFound(id));
		Map<Integer, JobEvents.VersionAsked> asked = new HashMap<>();
		this.events.versionsQueued(id).forEach((queued) -> asked.put(queued.event().version(), queued));
		List<AgentVersion> versions = new ArrayList<>();
		for (int number = 1; number <= row.version(); number++) {
			JobEvents.VersionAsked queued = asked.get(number);
			// Only a succeeded job takes the message that makes its next version.
			JobStatus status = (number < row.version()) ? JobStatus.SUCCEEDED : row.status();
			// A first version answered by the result cache was never queued.
			versions.add(new AgentVersion(number, status, (queued != null) ? queued.event().feedback() : null,
					(queued != null) ? queued.at() : row.createdAt()));
		}
		return versions;
	}

	/**
	 * The files of one version, with what they were made from.
	 * @param id the job
	 * @param version the version
	 * @return its files, plan, pages and tools
	 * @throws VersionNotFound when the job has no such version
	 * @throws NoFilesYet when the version has not made its files
	 */
	public AgentVersionFiles versionFiles(UUID id, int version) {
		List<AgentFile> files = agentFiles(filesOf(id, version));
		Provenance provenance = this.jobs.provenance(id, version);
		return new AgentVersionFiles(version, files, provenance.grounded(), provenance.plan(), provenance.pages(),
				provenance.tools());
	}

	/**
	 * What changed between the files of two versions.
	 * @param id the job
	 * @param from the version to compare from
	 * @param to the version to compare to
	 * @return each file that differs, with its unified diff
	 * @throws VersionNotFound when the job has no such version
	 * @throws NoFilesYet when a version has not made its files
	 */
	public AgentDiff diff(UUID id, int from, int to) {
		return FileDiffs.between(from, filesOf(id, from), to, filesOf(id, to));
	}

	private Map<String, String> filesOf(UUID id, int version) {
		Jobs.Row row = this.jobs.find(id).orElseThrow(() -> new JobNotFound(id));
		if (version < 1 || version > row.version()) {
			throw new VersionNotFound(id, version, row.version());
		}
		Map<String, String> files = this.jobs.files(id, version);
		if (files.isEmpty()) {
			throw new NoFilesYet(id, version);
		}
		return files;
	}

	private static List<AgentFile> agentFiles(Map<String, String> files) {
		return files.entrySet().stream().map((file) -> new AgentFile(file.getKey(), file.getValue())).toList();
	}

	public void cancel(UUID id) {
		JobStatus status = this.jobs.status(id).orElseThrow(() -> new JobNotFound(id));
		Optional<Integer> cancelled = this.jobs.cancel(id);
		if (cancelled.isPresent()) {
			this.events.append(id, new JobCancelled(cancelled.get()));
		}
		else if (status != JobStatus.CANCELLED) {
			throw new JobNotCancellable(id, status);
		}
	}

	/**
	 * Queues the next version of a finished job from the user's message: {@code refine}
	 * runs the refiners, anything else goes to the coder as feedback.
	 * @param id the job
	 * @param message the message
	 * @return the version that will be made, and the event that queued it
	 */
	public VersionQueued message(UUID id, String message) {
		JobStatus status = this.jobs.status(id).orElseThrow(() -> new JobNotFound(id));
		int version = this.jobs.queueNextVersion(id, message).orElseThrow(() -> new JobNotRefinable(id, status));
		StoredEvent queued = this.events.append(id, new JobQueued(version, message));
		this.workers.jobQueued();
		return new VersionQueued(id, JobStatus.QUEUED, version, queued.id());
	}

	/**
	 * A version's files.
	 *
	 * @param version the version
	 * @param files the files by path
	 */
	public record Files(int version, Map<String, String> files) {

	}

}
