package dev.archon.agentgen.job;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import dev.archon.agentgen.pipeline.PipelineRun.StepOutcome;
import dev.archon.api.cache.RedisCircuit;
import dev.archon.api.wire.agents.JobEvent;
import dev.archon.api.wire.agents.JobQueued;
import dev.archon.api.wire.agents.StepStarted;
import dev.archon.api.wire.agents.StepSucceeded;
import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stores each job event, for replay, and publishes it on Redis, so that an SSE client
 * connected to any instance sees it. Publishing is off the caller's path, on one thread
 * that keeps the order in which events were handed to it: a worker does not wait for
 * Redis between two steps. While Redis is down nothing is published (the thread would
 * fall behind by a command timeout per event), and {@link EventHub} reads the stored
 * events instead.
 */
@Component
class JobEvents {

	static final String CHANNEL = "archon:agentgen:events";

	/** Where an instance says it queued a job, so that idle workers elsewhere wake up. */
	static final String QUEUED_CHANNEL = "archon:agentgen:queued";

	private static final Logger logger = LoggerFactory.getLogger(JobEvents.class);

	private final JdbcClient jdbc;

	private final StringRedisTemplate redis;

	private final RedisCircuit circuit;

	private final JsonMapper json = JsonMapper.builder().build();

	private final ExecutorService publisher = Executors
		.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("job-events-publisher").factory());

	JobEvents(JdbcClient jdbc, StringRedisTemplate redis, RedisCircuit circuit) {
		this.jdbc = jdbc;
		this.redis = redis;
		this.circuit = circuit;
	}

	String json(JobEvent event) {
		return this.json.writeValueAsString(event);
	}

	StoredEvent append(UUID jobId, JobEvent event) {
		long id = this.jdbc
			.sql("INSERT INTO agent_job_events (job_id, type, data) VALUES (:job, :type, :data) RETURNING id")
			.param("job", jobId)
			.param("type", event.type())
			.param("data", json(event))
			.query(Long.class)
			.single();
		return publish(new StoredEvent(id, jobId, event));
	}

	/**
	 * Records that a step started, with its event, in one statement, if the worker still
	 * holds the job. Its time is the worker's, since the write comes a little later.
	 * @return whether it does
	 */
	boolean stepStarted(UUID jobId, String owner, int version, String step, Instant at) {
		StepStarted event = new StepStarted(step, version);
		Optional<Long> id = this.jdbc.sql("""
				WITH held AS (
				    SELECT 1 FROM agent_jobs WHERE id = :job AND lease_owner = :owner AND status = 'running'
				), step AS (
				    INSERT INTO agent_job_steps (job_id, version, name, status, started_at)
				    SELECT :job, :version, :name, 'running', :at WHERE EXISTS (SELECT 1 FROM held)
				    ON CONFLICT (job_id, version, name)
				    DO UPDATE SET status = 'running', started_at = :at, finished_at = NULL, detail = NULL
				    RETURNING 1
				)
				INSERT INTO agent_job_events (job_id, type, data)
				SELECT :job, :type, :data WHERE EXISTS (SELECT 1 FROM step)
				RETURNING id
				""")
			.param("job", jobId)
			.param("owner", owner)
			.param("version", version)
			.param("name", step)
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.param("type", event.type())
			.param("data", json(event))
			.query(Long.class)
			.optional();
		id.ifPresent((eventId) -> publish(new StoredEvent(eventId, jobId, event)));
		return id.isPresent();
	}

	/**
	 * Stores a finished step's outcome and its event in one statement.
	 */
	void stepSucceeded(UUID jobId, StepOutcome outcome, StepSucceeded event, Instant at) {
		long id = this.jdbc.sql("""
				WITH step AS (
				    UPDATE agent_job_steps
				    SET status = 'succeeded', output = :output, provider = :provider, model = :model,
				        input_tokens = :input, output_tokens = :outputTokens, cost = :cost, llm_ms = :llm,
				        degraded = :degraded, detail = :detail, finished_at = :at
				    WHERE job_id = :job AND version = :version AND name = :name
				)
				INSERT INTO agent_job_events (job_id, type, data) VALUES (:job, :type, :data)
				RETURNING id
				""")
			.param("output", outcome.output())
			.param("provider", outcome.provider())
			.param("model", outcome.model())
			.param("input", outcome.inputTokens())
			.param("outputTokens", outcome.outputTokens())
			.param("cost", outcome.cost())
			.param("llm", outcome.llmMillis())
			.param("degraded", outcome.degraded())
			.param("detail", outcome.detail())
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.param("job", jobId)
			.param("version", event.version())
			.param("name", event.step())
			.param("type", event.type())
			.param("data", json(event))
			.query(Long.class)
			.single();
		publish(new StoredEvent(id, jobId, event));
	}

	/**
	 * Publishes a stored event. The message starts with the job's id on a line of its
	 * own, so that an instance with no client of that job skips it without parsing.
	 * @param event the event
	 * @return the event
	 */
	StoredEvent publish(StoredEvent event) {
		String message = event.jobId() + "\n" + this.json.writeValueAsString(event);
		send(CHANNEL, message, event);
		return event;
	}

	/**
	 * Tells the other instances that a job was queued.
	 * @param instance this instance, which wakes its own workers itself
	 */
	void announceQueued(String instance) {
		send(QUEUED_CHANNEL, instance, null);
	}

	private void send(String channel, String message, @Nullable StoredEvent event) {
		try {
			this.publisher.execute(() -> {
				if (!this.circuit.run(() -> this.redis.convertAndSend(channel, message))) {
					// Stored already: clients on other instances read it from the store
					// while Redis is away, and idle workers find the job on their next
					// poll.
					logger.debug("Not published on {}{}: Redis is away", channel,
							(event != null) ? " event " + event.event().type() + " of job " + event.jobId() : "");
				}
			});
		}
		catch (RejectedExecutionException ex) {
			logger.debug("Shutting down: {} not published", channel);
		}
	}

	@PreDestroy
	void stop() throws InterruptedException {
		this.publisher.shutdown();
		this.publisher.awaitTermination(5, TimeUnit.SECONDS);
	}

	List<StoredEvent> after(UUID jobId, long lastId) {
		return this.jdbc.sql("SELECT id, data FROM agent_job_events WHERE job_id = :job AND id > :last ORDER BY id")
			.param("job", jobId)
			.param("last", lastId)
			.query((rs, row) -> new StoredEvent(rs.getLong("id"), jobId,
					this.json.readValue(rs.getString("data"), JobEvent.class)))
			.list();
	}

	/**
	 * The events that queued each version of a job, with when they were stored: the
	 * history of its versions.
	 * @param jobId the job
	 * @return the events, oldest first
	 */
	List<VersionAsked> versionsQueued(UUID jobId) {
		return this.jdbc
			.sql("SELECT data, created_at FROM agent_job_events WHERE job_id = :job AND type = :type ORDER BY id")
			.param("job", jobId)
			.param("type", JobEvent.typeOf(JobQueued.class))
			.query((rs, row) -> new VersionAsked((JobQueued) this.json.readValue(rs.getString("data"), JobEvent.class),
					rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	/**
	 * Reads a published event.
	 * @param message as published
	 * @param interested whether this instance has a client of the job, by its id
	 * @return the event, or {@code null} when nobody here wants it
	 */
	@Nullable StoredEvent read(String message, Predicate<UUID> interested) {
		int newline = message.indexOf('\n');
		if (newline < 0 || !interested.test(UUID.fromString(message.substring(0, newline)))) {
			return null;
		}
		return this.json.readValue(message.substring(newline + 1), StoredEvent.class);
	}

	/**
	 * A version queued.
	 *
	 * @param event the event that queued it
	 * @param at when it was stored
	 */
	record VersionAsked(JobQueued event, Instant at) {

	}

}
