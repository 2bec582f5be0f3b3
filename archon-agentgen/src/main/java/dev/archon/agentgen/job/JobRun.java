package dev.archon.agentgen.job;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

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

	private final Map<String, StepOutcome> finished;

	private volatile boolean lost;

	/**
	 * Held while an event is stored and published: parallel steps would otherwise publish
	 * in another order than their ids, and a stream that drops what it has passed would
	 * lose one.
	 */
	private final Object order = new Object();

	JobRun(UUID jobId, String owner, Jobs jobs, JobEvents events) {
		this.jobId = jobId;
		this.owner = owner;
		this.jobs = jobs;
		this.events = events;
		this.finished = new ConcurrentHashMap<>(jobs.finishedSteps(jobId));
	}

	String owner() {
		return this.owner;
	}

	void lose() {
		this.lost = true;
	}

	@Override
	public @Nullable StepOutcome finished(int version, String step) {
		return this.finished.get(version + "/" + step);
	}

	@Override
	public boolean started(int version, String step) {
		synchronized (this.order) {
			return !this.lost && this.events.stepStarted(this.jobId, this.owner, version, step);
		}
	}

	@Override
	public void succeeded(int version, String step, StepOutcome outcome) {
		this.finished.put(version + "/" + step, outcome);
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
		synchronized (this.order) {
			this.jobs.stepFailed(this.jobId, version, step, detail);
			this.events.append(this.jobId, "step-failed", Map.of("step", step, "version", version, "detail", detail));
		}
	}

	@Override
	public void event(String type, Map<String, Object> data) {
		synchronized (this.order) {
			this.events.append(this.jobId, type, data);
		}
	}

}
