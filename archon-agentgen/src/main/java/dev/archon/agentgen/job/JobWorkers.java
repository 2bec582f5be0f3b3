package dev.archon.agentgen.job;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import dev.archon.agentgen.pipeline.Abandoned;
import dev.archon.agentgen.pipeline.GenerationRequest;
import dev.archon.agentgen.pipeline.GenerationResult;
import dev.archon.agentgen.pipeline.Pipeline;
import dev.archon.agentgen.pipeline.ValidationReports;
import dev.archon.api.lease.LeaseKeeper;
import dev.archon.api.wire.agents.JobFailed;
import dev.archon.api.wire.agents.JobStarted;
import dev.archon.api.wire.agents.JobSucceeded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This instance's workers. Each claims a job with {@code FOR UPDATE SKIP LOCKED} and a
 * lease, renewed while it works; a job whose lease runs out (its instance died) is
 * claimed by another worker and resumes from its last finished step. Completion is
 * conditional on still holding the lease, so no job completes twice. An idle worker
 * sleeps until it is woken: by a job queued here or announced by another instance, by a
 * worker that just claimed a job (there may be more), or by the safety poll, which wakes
 * one worker each poll interval, so that an idle instance costs one query per interval
 * rather than one per worker.
 */
@Component
class JobWorkers implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(JobWorkers.class);

	private final Jobs jobs;

	private final JobEvents events;

	private final Pipeline pipeline;

	private final ResultCache cache;

	private final JobMetrics metrics;

	private final JobsProperties properties;

	private final String instance;

	private final Map<UUID, JobRun> held = new ConcurrentHashMap<>();

	private final LeaseKeeper leases;

	private final Semaphore wakeUps = new Semaphore(0);

	private volatile boolean running;

	private ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();

	private List<Thread> threads = List.of();

	JobWorkers(Jobs jobs, JobEvents events, Pipeline pipeline, ResultCache cache, JobMetrics metrics,
			JobsProperties properties) {
		this.jobs = jobs;
		this.events = events;
		this.pipeline = pipeline;
		this.cache = cache;
		this.metrics = metrics;
		this.properties = properties;
		this.leases = new LeaseKeeper("agent-jobs", properties.lease(), jobs::renew);
		this.instance = (properties.instanceId() != null) ? properties.instanceId()
				: UUID.randomUUID().toString().substring(0, 8);
	}

	/**
	 * Says that this instance queued a job: wakes an idle worker here and, through one
	 * Redis message, those of the other instances, rather than letting them wait for
	 * their next poll. Called once per job or version queued, never on hearing another
	 * instance's announcement, which would echo between instances for ever.
	 */
	void jobQueued() {
		wakeUp();
		this.events.announceQueued(this.instance);
	}

	/**
	 * Wakes an idle worker of this instance, and only of this one.
	 */
	void wakeUp() {
		// At most one permit per worker: while every worker is busy, wake-ups (the safety
		// poll, each claim, each job queued) would otherwise pile up by the thousand and
		// turn into as many claim queries once the queue is empty.
		if (this.wakeUps.availablePermits() < this.properties.workers()) {
			this.wakeUps.release();
		}
	}

	String instance() {
		return this.instance;
	}

	@Override
	public void start() {
		this.running = true;
		this.timers = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("job-worker-timers").factory());
		// The safety poll: one idle worker looks, not every one of them.
		long poll = this.properties.pollInterval().toMillis();
		this.timers.scheduleWithFixedDelay(this::wakeUp, poll, poll, TimeUnit.MILLISECONDS);
		this.threads = java.util.stream.IntStream.range(0, this.properties.workers())
			.mapToObj((i) -> Thread.ofVirtual().name("agent-worker-" + i).start(this::work))
			.toList();
	}

	/**
	 * Stops the workers and hands the jobs they run back to the queue, so that another
	 * instance resumes each from its last finished step at once, rather than after its
	 * lease runs out. Each run is marked lost first: nothing it does from then on is
	 * stored, and it can neither complete nor fail the job, which finishes once,
	 * elsewhere.
	 */
	@Override
	public void stop() {
		this.running = false;
		this.timers.shutdownNow();
		// Taken before the workers are stopped, which forget the jobs they leave.
		Map<UUID, JobRun> running = Map.copyOf(this.held);
		running.values().forEach(JobRun::lose);
		this.wakeUps.release(this.properties.workers());
		this.threads.forEach(Thread::interrupt);
		running.forEach(this::handBack);
		this.leases.close();
	}

	private void handBack(UUID id, JobRun run) {
		// Waits for the store to finish a write it had begun before the run was lost.
		run.flush();
		try {
			if (this.jobs.release(id, run.owner())) {
				logger.info("Handed job {} back to the queue on stopping", id);
				this.events.announceQueued(this.instance);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not hand job {} back; another instance takes it when its lease runs out: {}", id,
					ex.getMessage());
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void work() {
		while (this.running) {
			try {
				String owner = this.instance + ":" + UUID.randomUUID();
				Optional<Jobs.Claimed> claimed = this.jobs.claim(owner, this.instance, this.properties.lease());
				if (claimed.isPresent()) {
					// More may be queued: another idle worker looks while this one runs.
					wakeUp();
					run(claimed.get(), owner);
				}
				else {
					this.wakeUps.acquire();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				logger.warn("Worker failed to claim a job: {}", ex.getMessage());
				sleep();
			}
		}
	}

	private void run(Jobs.Claimed job, String owner) {
		long start = System.nanoTime();
		this.events.publish(new StoredEvent(job.startedEventId(), job.id(),
				new JobStarted(job.attempts(), job.version(), this.instance)));
		// A job claimed for the first time has no finished steps to read back.
		JobRun run = new JobRun(job.id(), owner, this.jobs, this.events, this.metrics,
				job.attempts() == 1 && job.version() == 1);
		this.held.put(job.id(), run);
		LeaseKeeper.Held lease = this.leases.hold(job.id(), owner, run::lose);
		this.metrics.started();
		String outcome = "failed";
		try {
			Map<String, String> previous = (job.version() > 1) ? this.jobs.files(job.id(), job.version() - 1)
					: Map.of();
			GenerationRequest request = new GenerationRequest(job.description(), job.framework(), job.refinements(),
					job.sources(), job.providerHint(), job.version(), job.feedback(), previous);
			GenerationResult result = this.pipeline.run(request, run);
			String validation = ValidationReports.write(result.validation());
			Provenance provenance = Provenance.of(result);
			JobSucceeded done = provenance.succeeded(job.version(), result.degraded(), result.validation().passed(),
					false);
			// Every step stored first, and none of those writes found the job gone.
			Optional<Long> event = !run.flush() ? Optional.empty() : this.jobs.complete(job.id(), owner, result.files(),
					validation, provenance, done, this.events.json(done));
			if (event.isPresent()) {
				outcome = "succeeded";
				this.events.publish(new StoredEvent(event.get(), job.id(), done));
				if (job.useCache() && job.version() == 1 && !result.degraded()) {
					this.cache.put(job.cacheKey(),
							new CachedResult(result.files(), validation, result.grounded(), provenance.pages()));
				}
			}
			else {
				outcome = "lost";
			}
		}
		catch (Abandoned ex) {
			outcome = "abandoned";
		}
		catch (RuntimeException ex) {
			logger.warn("Agent job {} failed: {}", job.id(), ex.getMessage());
			// A run lost or handed back leaves the job to the worker that has it now.
			if (run.flush() && this.jobs.fail(job.id(), owner, String.valueOf(ex.getMessage()))) {
				this.events.append(job.id(), new JobFailed(job.version(), String.valueOf(ex.getMessage())));
			}
		}
		finally {
			run.flush();
			lease.close();
			this.held.remove(job.id());
			this.metrics.finished(outcome, Duration.ofNanos(System.nanoTime() - start),
					(job.version() == 1) ? job.refinements() : 1, run.llmCriticalPathMillis(job.version()));
		}
	}

	private void sleep() {
		try {
			Thread.sleep(this.properties.pollInterval().toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
