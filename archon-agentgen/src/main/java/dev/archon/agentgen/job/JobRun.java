package dev.archon.agentgen.job;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.archon.agentgen.pipeline.CriticalPath;
import dev.archon.agentgen.pipeline.PipelineRun;
import org.jspecify.annotations.Nullable;

/**
 * One worker's run of one job: the pipeline's steps stored, and their events published.
 */
class JobRun implements PipelineRun {

	private final UUID jobId;

	private final String owner;

	private final Jobs jobs;

	private final JobEvents events;

	private final JobMetrics metrics;

	private final Map<String, StepOutcome> finished;

	/** When each step started in this run, by "version/step", to time it. */
	private final Map<String, Long> starts = new ConcurrentHashMap<>();

	private volatile boolean lost;

	/**
	 * Held while an event is stored and published: parallel steps would otherwise publish
	 * in another order than their ids, and a stream that drops what it has passed would
	 * lose one.
	 */
	private final Object order = new Object();

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
		synchronized (this.order) {
			return !this.lost && this.events.stepStarted(this.jobId, this.owner, version, step);
		}
	}

	@Override
	public void succeeded(int version, String step, StepOutcome outcome) {
		this.finished.put(version + "/" + step, outcome);
		timeStep(version, step, "succeeded");
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("step", step);
		data.put("version", version);
		if (outcome.provider() != null) {
			data.put("provider", outcome.provider());
			data.put("model", outcome.model());
			data.put("inputTokens", outcome.inputTokens());
			data.put("outputTokens", outcome.outputTokens());
			data.put("llmMs", outcome.llmMillis());
		}
		data.put("degraded", outcome.degraded());
		if (outcome.detail() != null) {
			data.put("detail", outcome.detail());
		}
		synchronized (this.order) {
			this.events.stepSucceeded(this.jobId, version, step, outcome, data);
		}
	}

	@Override
	public void failed(int version, String step, String detail) {
		timeStep(version, step, "failed");
		synchronized (this.order) {
			this.jobs.stepFailed(this.jobId, version, step, detail);
			this.events.append(this.jobId, "step-failed", Map.of("step", step, "version", version, "detail", detail));
		}
	}

	private void timeStep(int version, String step, String outcome) {
		Long start = this.starts.remove(version + "/" + step);
		if (start != null) {
			this.metrics.stepFinished(step, outcome, Duration.ofNanos(System.nanoTime() - start));
		}
	}

	@Override
	public void event(String type, Map<String, Object> data) {
		synchronized (this.order) {
			this.events.append(this.jobId, type, data);
		}
	}

}
