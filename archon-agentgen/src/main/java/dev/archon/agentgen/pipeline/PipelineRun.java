package dev.archon.agentgen.pipeline;

import java.math.BigDecimal;

import dev.archon.api.wire.agents.JobEvent;
import org.jspecify.annotations.Nullable;

/**
 * What the pipeline needs from the job it runs for: its stored steps, so that a resumed
 * job skips what is done, and a place to report progress.
 */
public interface PipelineRun {

	/**
	 * A step that already finished, in this run or an earlier one.
	 * @param version the version of the files the step belongs to
	 * @param step the step's name
	 * @return its outcome, or {@code null} when it has not finished
	 */
	@Nullable StepOutcome finished(int version, String step);

	/**
	 * Records that a step starts.
	 * @param version the version of the files the step belongs to
	 * @param step the step's name
	 * @return {@code false} when the job was cancelled, or this worker lost it: the
	 * pipeline stops
	 */
	boolean started(int version, String step);

	void succeeded(int version, String step, StepOutcome outcome);

	void failed(int version, String step, String detail);

	/**
	 * Something worth telling the job's watchers: a failover, a restarted step, missing
	 * documentation.
	 * @param event what happened
	 */
	void event(JobEvent event);

	/**
	 * What one step produced.
	 *
	 * @param output its output: text, or the files rendered as the coder writes them
	 * @param provider the provider that answered, {@code null} for steps without a model
	 * @param model the model that answered
	 * @param inputTokens prompt tokens
	 * @param outputTokens answer tokens
	 * @param cost what it cost, in US dollars
	 * @param llmMillis time spent inside provider calls
	 * @param degraded whether the built-in provider answered
	 * @param detail a note on the step, such as {@code ungrounded}
	 */
	record StepOutcome(String output, @Nullable String provider, @Nullable String model, long inputTokens,
			long outputTokens, BigDecimal cost, long llmMillis, boolean degraded, @Nullable String detail) {

		static StepOutcome local(String output, @Nullable String detail) {
			return new StepOutcome(output, null, null, 0, 0, BigDecimal.ZERO, 0, false, detail);
		}

	}

}
