package dev.archon.agentgen.job;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.archon.agentgen.pipeline.Steps;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Generation meters: {@code archon.agent.generation} (a timer by outcome, whose counts
 * give the success rate), {@code archon.agent.overhead} (what a generated version took
 * beyond the LLM time on its critical path), {@code archon.agent.step} (each step by kind
 * and outcome), refinement rounds, queue depth, jobs running on this instance and the
 * other instances' announcements of queued jobs that woke a worker here.
 */
@Component
class JobMetrics {

	private final MeterRegistry registry;

	private final Jobs jobs;

	private final AtomicInteger queued = new AtomicInteger();

	private final AtomicInteger running = new AtomicInteger();

	private final DistributionSummary rounds;

	private final Counter announcementsHeard;

	private final Counter resubscriptions;

	JobMetrics(MeterRegistry registry, Jobs jobs) {
		this.registry = registry;
		this.jobs = jobs;
		Gauge.builder("archon.agent.queue.depth", this.queued, AtomicInteger::get)
			.description("Jobs waiting for a worker, across instances")
			.register(registry);
		Gauge.builder("archon.agent.jobs.running", this.running, AtomicInteger::get)
			.description("Jobs running on this instance")
			.register(registry);
		this.rounds = DistributionSummary.builder("archon.agent.refinement.rounds")
			.description("Refinement rounds per generated version")
			.register(registry);
		this.announcementsHeard = Counter.builder("archon.agent.queued.announcements.heard")
			.description("Announcements of a queued job heard from other instances, each waking one idle worker")
			.register(registry);
		this.resubscriptions = Counter.builder("archon.agent.events.resubscriptions")
			.description("Redis subscriptions made anew because their heartbeat stopped coming back")
			.register(registry);
	}

	@Scheduled(fixedDelayString = "${archon.agentgen.jobs.metrics-interval:5s}")
	void refreshQueueDepth() {
		this.queued.set(this.jobs.countQueued());
	}

	void resubscribed() {
		this.resubscriptions.increment();
	}

	void announcementHeard() {
		this.announcementsHeard.increment();
	}

	void started() {
		this.running.incrementAndGet();
	}

	/**
	 * Records a finished job.
	 * @param outcome succeeded, failed, abandoned or lost
	 * @param took from claim to completion
	 * @param refinementRounds the rounds of the version made
	 * @param llmCriticalPathMillis the LLM time on the version's critical path
	 */
	void finished(String outcome, Duration took, int refinementRounds, long llmCriticalPathMillis) {
		this.running.decrementAndGet();
		Timer.builder("archon.agent.generation")
			.description("Agent generations, from claim to completion")
			.tag("outcome", outcome)
			.register(this.registry)
			.record(took);
		if (outcome.equals("succeeded")) {
			this.rounds.record(refinementRounds);
			// A job resumed from another worker's steps can have more LLM time than this
			// run's wall time.
			Duration overhead = took.minusMillis(llmCriticalPathMillis);
			Timer.builder("archon.agent.overhead")
				.description("Generation time beyond the LLM time on the pipeline's critical path")
				.tag("outcome", outcome)
				.register(this.registry)
				.record(overhead.isNegative() ? Duration.ZERO : overhead);
		}
	}

	void stepFinished(String step, String outcome, Duration took) {
		Timer.builder("archon.agent.step")
			.description("Pipeline steps, by kind without their refinement round")
			.tag("step", Steps.kind(step))
			.tag("outcome", outcome)
			.register(this.registry)
			.record(took);
	}

}
