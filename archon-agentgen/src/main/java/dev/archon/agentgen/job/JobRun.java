package dev.archon.agentgen.job;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import dev.archon.agentgen.pipeline.CriticalPath;
import dev.archon.agentgen.pipeline.PipelineRun;
import dev.archon.api.wire.agents.JobEvent;
import dev.archon.api.wire.agents.StepFailed;
import dev.archon.api.wire.agents.StepSucceeded;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker's run of one job: the pipeline's steps stored, and their events published.
 * The writes go through one writer per job, in the order the pipeline made them, while
 * the pipeline goes on: a step's LLM call does not wait for its start to be stored, and
 * events get their ids, and are published, in that same order. {@link #flush()} waits for
 * them before the job is finished.
 */
class JobRun implements PipelineRun {

	private static final Logger logger = LoggerFactory.getLogger(JobRun.class);

	private final UUID jobId;

	private final String owner;

	private final Jobs jobs;

	private final JobEvents events;

	private final JobMetrics metrics;

	private final Map<String, StepOutcome> finished;

	/** When each step started in this run, by "version/step", to time it. */
	private final Map<String, Long> starts = new ConcurrentHashMap<>();

	private volatile boolean lost;

	private final ExecutorService writer = Executors
		.newSingleThreadExecutor(Thread.ofVirtual().name("job-writer").factory());

	JobRun(UUID jobId, String owner, Jobs jobs, JobEvents events, JobMetrics metrics, boolean fresh) {
		this.jobId = jobId;
		this.owner = owner;
		this.jobs = jobs;
		this.events = events;
		this.metrics = metrics;
		this.finished = fresh ? new ConcurrentHashMap<>() : new ConcurrentHashMap<>(jobs.finishedSteps(jobId));
	}

	String owner() {
		return this.owner;
	}

	void lose() {
		this.lost = true;
	}

	/**
	 * The LLM time on the critical path of a version, from its finished steps, including
	 * those of an earlier run of the job.
	 * @param version the version
	 * @return milliseconds
	 */
	long llmCriticalPathMillis(int version) {
		return CriticalPath.llmMillis((step) -> finished(version, step));
	}

	@Override
	public @Nullable StepOutcome finished(int version, String step) {
		return this.finished.get(version + "/" + step);
	}

	@Override
	public boolean started(int version, String step) {
		this.starts.put(version + "/" + step, System.nanoTime());
		Instant at = Instant.now();
		write(() -> {
			// The job was cancelled or taken over: the pipeline stops at its next step.
			if (!this.events.stepStarted(this.jobId, this.owner, version, step, at)) {
				lose();
			}
		});
		return !this.lost;
	}

	@Override
	public void succeeded(int version, String step, StepOutcome outcome) {
		this.finished.put(version + "/" + step, outcome);
		timeStep(version, step, "succeeded");
		boolean answered = outcome.provider() != null;
		StepSucceeded event = new StepSucceeded(step, version, outcome.provider(), outcome.model(),
				answered ? outcome.inputTokens() : null, answered ? outcome.outputTokens() : null,
				answered ? outcome.llmMillis() : null, outcome.degraded(), outcome.detail());
		Instant at = Instant.now();
		write(() -> this.events.stepSucceeded(this.jobId, outcome, event, at));
	}

	@Override
	public void failed(int version, String step, String detail) {
		timeStep(version, step, "failed");
		write(() -> {
			this.jobs.stepFailed(this.jobId, version, step, detail);
			this.events.append(this.jobId, new StepFailed(step, version, detail));
		});
	}

	@Override
	public void event(JobEvent event) {
		write(() -> this.events.append(this.jobId, event));
	}

	/**
	 * Waits until every write made so far is stored, and stops the writer.
	 * @return whether this worker still holds the job as far as they could tell
	 */
	boolean flush() {
		this.writer.shutdown();
		try {
			if (!this.writer.awaitTermination(1, TimeUnit.MINUTES)) {
				lose();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			lose();
		}
		return !this.lost;
	}

	private void write(Runnable write) {
		try {
			this.writer.execute(() -> {
				// A job lost, or handed back, may already run elsewhere: what this run
				// did since is not stored, so that its steps and events are told once.
				if (this.lost) {
					return;
				}
				try {
					write.run();
				}
				catch (RuntimeException ex) {
					// A step that is not stored cannot be resumed from: let the lease run
					// out, and another worker redo the job from what is stored.
					logger.warn("Could not store the progress of job {}: {}", this.jobId, ex.getMessage());
					lose();
				}
			});
		}
		catch (RejectedExecutionException ex) {
			lose();
		}
	}

	private void timeStep(int version, String step, String outcome) {
		Long start = this.starts.remove(version + "/" + step);
		if (start != null) {
			this.metrics.stepFinished(step, outcome, Duration.ofNanos(System.nanoTime() - start));
		}
	}

}
