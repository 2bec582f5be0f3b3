package dev.archon.agentgen.job;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.archon.agentgen.pipeline.PipelineRun.StepOutcome;
import dev.archon.api.wire.agents.AgentJob;
import dev.archon.api.wire.agents.AgentPlan;
import dev.archon.api.wire.agents.AgentSummary;
import dev.archon.api.wire.agents.ChosenTool;
import dev.archon.api.wire.agents.GroundingPage;
import dev.archon.api.wire.agents.JobEvent;
import dev.archon.api.wire.agents.JobStarted;
import dev.archon.api.wire.agents.JobStatus;
import dev.archon.api.wire.agents.JobSucceeded;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The job tables, in SQL as PostgreSQL runs it.
 */
@Repository
class Jobs {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	Jobs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Writes the files of a version, of the job that the statement's {@code job}
	 * expression returned, if any.
	 */
	private static final String FILES = """
			files AS (
			    INSERT INTO agent_job_files (job_id, version, path, content)
			    SELECT job.id, :version, file.path, file.content
			    FROM job, unnest(CAST(:paths AS text[]), CAST(:contents AS text[])) AS file(path, content)
			    ON CONFLICT (job_id, version, path) DO UPDATE SET content = EXCLUDED.content
			)
			""";

	/**
	 * Writes what a version was made from, for the job that the statement's {@code job}
	 * expression returned, if any, and only once the version is made: a job just queued
	 * has nothing to record yet.
	 */
	private static final String PROVENANCE = """
			provenance AS (
			    INSERT INTO agent_job_versions (job_id, version, grounded, plan, pages, tools)
			    SELECT job.id, :version, :grounded, CAST(:plan AS jsonb), CAST(:pages AS jsonb), CAST(:tools AS jsonb)
			    FROM job WHERE CAST(:grounded AS boolean) IS NOT NULL
			)
			""";

	/**
	 * Stores a job with its first event, in one statement, unless one with the same
	 * idempotency key exists: queued, or finished at once when the result cache answered.
	 * @param id the job's id
	 * @param job the request
	 * @param cacheKey its result cache key
	 * @param cached the cached result that answers it, if any
	 * @param event the first event
	 * @param eventData that event as JSON
	 * @return the first event's id, or empty when the idempotency key was taken
	 */
	Optional<Long> insert(UUID id, NewJob job, String cacheKey, @Nullable CachedResult cached, JobEvent event,
			String eventData) {
		Map<String, String> files = (cached != null) ? cached.files() : Map.of();
		return this.jdbc.sql("""
				WITH job AS (
				    INSERT INTO agent_jobs (id, status, description, framework, refinements, sources, provider_hint,
				                            cache_key, use_cache, idempotency_key, cached, grounded, validation,
				                            started_at, finished_at)
				    VALUES (:id, CASE WHEN :cached THEN 'succeeded' ELSE 'queued' END, :description, :framework,
				            :refinements, :sources, :hint, :cacheKey, :useCache, :key, :cached, :grounded,
				            CAST(:validation AS jsonb), CASE WHEN :cached THEN now() END,
				            CASE WHEN :cached THEN now() END)
				    ON CONFLICT (idempotency_key) DO NOTHING
				    RETURNING id
				),
				""" + FILES + ", " + PROVENANCE + """
				INSERT INTO agent_job_events (job_id, type, data) SELECT job.id, :event, :eventData FROM job
				RETURNING id
				""")
			.params(provenanceParams((cached != null) ? Provenance.cached(cached) : Provenance.UNRECORDED))
			.param("id", id)
			.param("cached", cached != null)
			.param("description", job.description())
			.param("framework", job.framework())
			.param("refinements", job.refinements())
			.param("sources", job.sources().toArray(String[]::new))
			.param("hint", job.providerHint())
			.param("cacheKey", cacheKey)
			.param("useCache", job.useCache())
			.param("key", job.idempotencyKey())
			.param("validation", (cached != null) ? cached.validation() : null)
			.param("version", 1)
			.param("paths", files.keySet().toArray(String[]::new))
			.param("contents", files.values().toArray(String[]::new))
			.param("event", event.type())
			.param("eventData", eventData)
			.query(Long.class)
			.optional();
	}

	/**
	 * The job that a request with this idempotency key made, with its status.
	 */
	Optional<Keyed> findByIdempotencyKey(String key) {
		return this.jdbc.sql("SELECT id, status FROM agent_jobs WHERE idempotency_key = :key")
			.param("key", key)
			.query((rs, row) -> new Keyed(rs.getObject("id", UUID.class), status(rs)))
			.optional();
	}

	int countQueued() {
		return this.jdbc.sql("SELECT count(*) FROM agent_jobs WHERE status = 'queued'").query(Integer.class).single();
	}

	/**
	 * Claims the oldest queued job, or a running one whose lease ran out, for a worker,
	 * and stores its {@link JobStarted} event in the same statement.
	 */
	Optional<Claimed> claim(String owner, String worker, Duration lease) {
		return this.jdbc.sql("""
				WITH job AS (
				    UPDATE agent_jobs
				    SET status = 'running', lease_owner = :owner,
				        lease_until = now() + make_interval(secs => :lease), attempts = attempts + 1,
				        started_at = coalesce(started_at, now())
				    WHERE id = (SELECT id FROM agent_jobs
				                WHERE status IN ('queued', 'running')
				                  AND (status = 'queued' OR lease_until < now())
				                ORDER BY created_at
				                LIMIT 1
				                FOR UPDATE SKIP LOCKED)
				    RETURNING id, description, framework, refinements, sources, provider_hint, version, feedback,
				              attempts, use_cache, cache_key
				), event AS (
				    INSERT INTO agent_job_events (job_id, type, data)
				    SELECT id, :type,
				           json_build_object('type', :type, 'attempt', attempts, 'version', version,
				                             'worker', :worker)::text
				    FROM job
				    RETURNING id
				)
				SELECT job.*, event.id AS event_id FROM job, event
				""")
			.param("owner", owner)
			.param("type", JobEvent.typeOf(JobStarted.class))
			.param("worker", worker)
			.param("lease", lease.toMillis() / 1000.0)
			.query((rs, row) -> new Claimed(rs.getObject("id", UUID.class), rs.getString("description"),
					rs.getString("framework"), rs.getInt("refinements"), strings(rs.getArray("sources")),
					rs.getString("provider_hint"), rs.getInt("version"), rs.getString("feedback"),
					rs.getInt("attempts"), rs.getBoolean("use_cache"), rs.getString("cache_key"),
					rs.getLong("event_id")))
			.optional();
	}

	/**
	 * Extends the leases of the jobs a worker holds.
	 * @return the jobs whose lease was extended; the others are no longer the worker's
	 */
	boolean renew(UUID id, String owner, Duration lease) {
		return this.jdbc.sql("""
				UPDATE agent_jobs SET lease_until = now() + make_interval(secs => :lease)
				WHERE id = :id AND lease_owner = :owner AND status = 'running'
				""").param("lease", lease.toMillis() / 1000.0).param("id", id).param("owner", owner).update() == 1;
	}

	Map<String, StepOutcome> finishedSteps(UUID id) {
		Map<String, StepOutcome> steps = new HashMap<>();
		this.jdbc
			.sql("""
					SELECT version, name, output, provider, model, input_tokens, output_tokens, cost, llm_ms, degraded, detail
					FROM agent_job_steps WHERE job_id = :id AND status = 'succeeded'
					""")
			.param("id", id)
			.query((rs) -> {
				steps.put(rs.getInt("version") + "/" + rs.getString("name"),
						new StepOutcome(rs.getString("output"), rs.getString("provider"), rs.getString("model"),
								rs.getLong("input_tokens"), rs.getLong("output_tokens"), rs.getBigDecimal("cost"),
								rs.getLong("llm_ms"), rs.getBoolean("degraded"), rs.getString("detail")));
			});
		return steps;
	}

	void stepFailed(UUID id, int version, String name, String detail) {
		this.jdbc.sql("""
				UPDATE agent_job_steps SET status = 'failed', detail = :detail, finished_at = now()
				WHERE job_id = :id AND version = :version AND name = :name
				""").param("detail", detail).param("id", id).param("version", version).param("name", name).update();
	}

	/**
	 * Finishes a job with its files and its {@link JobSucceeded} event, in one statement,
	 * if the worker still holds it: a worker that lost its lease cannot complete the job
	 * a second time.
	 * @return the event's id, or empty when the worker no longer holds the job
	 */
	Optional<Long> complete(UUID id, String owner, Map<String, String> files, String validation, Provenance provenance,
			JobSucceeded event, String eventData) {
		return this.jdbc.sql("""
				WITH job AS (
				    UPDATE agent_jobs
				    SET status = 'succeeded', finished_at = now(), lease_owner = NULL, lease_until = NULL,
				        validation = CAST(:validation AS jsonb), degraded = degraded OR :degraded,
				        grounded = :grounded, error = NULL
				    WHERE id = :id AND lease_owner = :owner AND status = 'running' AND version = :version
				    RETURNING id
				),
				""" + FILES + ", " + PROVENANCE + """
				INSERT INTO agent_job_events (job_id, type, data) SELECT job.id, :event, :eventData FROM job
				RETURNING id
				""")
			.params(provenanceParams(provenance))
			.param("validation", validation)
			.param("degraded", event.degraded())
			.param("id", id)
			.param("owner", owner)
			.param("version", event.version())
			.param("paths", files.keySet().toArray(String[]::new))
			.param("contents", files.values().toArray(String[]::new))
			.param("event", event.type())
			.param("eventData", eventData)
			.query(Long.class)
			.optional();
	}

	/**
	 * Hands a job that a worker holds back to the queue, for any worker to claim at once
	 * rather than when its lease runs out.
	 * @return whether the worker still held it
	 */
	boolean release(UUID id, String owner) {
		return this.jdbc.sql("""
				UPDATE agent_jobs SET status = 'queued', lease_owner = NULL, lease_until = NULL
				WHERE id = :id AND lease_owner = :owner AND status = 'running'
				""").param("id", id).param("owner", owner).update() == 1;
	}

	boolean fail(UUID id, String owner, String error) {
		return this.jdbc.sql("""
				UPDATE agent_jobs SET status = 'failed', finished_at = now(), lease_owner = NULL, lease_until = NULL,
				                      error = :error
				WHERE id = :id AND lease_owner = :owner AND status = 'running'
				""").param("error", error).param("id", id).param("owner", owner).update() == 1;
	}

	/**
	 * Cancels a job that is queued or running.
	 * @return the version cancelled, or empty when the job was neither
	 */
	Optional<Integer> cancel(UUID id) {
		return this.jdbc.sql("""
				UPDATE agent_jobs SET status = 'cancelled', finished_at = now(), lease_owner = NULL, lease_until = NULL
				WHERE id = :id AND status IN ('queued', 'running')
				RETURNING version
				""").param("id", id).query(Integer.class).optional();
	}

	/**
	 * Queues the next version of a finished job, with the user's message.
	 * @return the new version, or empty when the job is not finished
	 */
	Optional<Integer> queueNextVersion(UUID id, String message) {
		return this.jdbc.sql("""
				UPDATE agent_jobs
				SET status = 'queued', version = version + 1, feedback = :message, finished_at = NULL, error = NULL
				WHERE id = :id AND status = 'succeeded'
				RETURNING version
				""").param("message", message).param("id", id).query(Integer.class).optional();
	}

	Optional<JobStatus> status(UUID id) {
		return this.jdbc.sql("SELECT status FROM agent_jobs WHERE id = :id")
			.param("id", id)
			.query((rs, row) -> status(rs))
			.optional();
	}

	Map<String, String> files(UUID id, int version) {
		Map<String, String> files = new LinkedHashMap<>();
		this.jdbc
			.sql("SELECT path, content FROM agent_job_files WHERE job_id = :id AND version = :version ORDER BY path")
			.param("id", id)
			.param("version", version)
			.query((rs) -> {
				files.put(rs.getString("path"), rs.getString("content"));
			});
		return files;
	}

	Optional<Integer> latestFilesVersion(UUID id) {
		return this.jdbc.sql("SELECT max(version) FROM agent_job_files WHERE job_id = :id")
			.param("id", id)
			.query(Integer.class)
			.optional();
	}

	Optional<Row> find(UUID id) {
		return this.jdbc.sql("""
				SELECT id, status, version, description, framework, refinements, sources, degraded, grounded, cached,
				       error, attempts, created_at, started_at, finished_at, validation::text AS validation
				FROM agent_jobs WHERE id = :id
				""").param("id", id).query(Jobs::row).optional();
	}

	List<AgentJob.Step> steps(UUID id) {
		return this.jdbc.sql("""
				SELECT version, name, status, provider, model, input_tokens, output_tokens, cost, llm_ms, degraded,
				       detail, started_at, finished_at
				FROM agent_job_steps WHERE job_id = :id ORDER BY version, started_at, name
				""").param("id", id).query((rs, row) -> {
			Instant started = instant(rs, "started_at");
			Instant finished = instant(rs, "finished_at");
			return new AgentJob.Step(rs.getInt("version"), rs.getString("name"), rs.getString("status"),
					rs.getString("provider"), rs.getString("model"), rs.getLong("input_tokens"),
					rs.getLong("output_tokens"), rs.getBigDecimal("cost"), rs.getLong("llm_ms"),
					(finished != null && started != null) ? Duration.between(started, finished).toMillis() : null,
					rs.getBoolean("degraded"), rs.getString("detail"), started, finished);
		}).list();
	}

	List<AgentSummary> list(@Nullable JobStatus status, int limit) {
		return this.jdbc.sql("""
				SELECT id, status, version, left(description, 200) AS description, degraded, created_at, finished_at
				FROM agent_jobs
				WHERE (CAST(:status AS text) IS NULL OR status = :status)
				ORDER BY created_at DESC
				LIMIT :limit
				""")
			.param("status", (status != null) ? status.id() : null)
			.param("limit", limit)
			.query((rs, row) -> new AgentSummary(rs.getObject("id", UUID.class), status(rs), rs.getInt("version"),
					rs.getString("description"), rs.getBoolean("degraded"), instant(rs, "created_at"),
					instant(rs, "finished_at")))
			.list();
	}

	/**
	 * What a version was made from.
	 * @return it, or {@link Provenance#UNRECORDED} for a version made before it was kept
	 */
	Provenance provenance(UUID id, int version) {
		return this.jdbc.sql("""
				SELECT grounded, plan::text AS plan, pages::text AS pages, tools::text AS tools
				FROM agent_job_versions WHERE job_id = :id AND version = :version
				""").param("id", id).param("version", version).query((rs, row) -> {
			String plan = rs.getString("plan");
			return new Provenance(rs.getBoolean("grounded"),
					(plan != null) ? json.readValue(plan, AgentPlan.class) : null,
					List.of(json.readValue(rs.getString("pages"), GroundingPage[].class)),
					List.of(json.readValue(rs.getString("tools"), ChosenTool[].class)));
		}).optional().orElse(Provenance.UNRECORDED);
	}

	private static Map<String, @Nullable Object> provenanceParams(Provenance provenance) {
		Map<String, @Nullable Object> params = new HashMap<>();
		params.put("grounded", provenance.grounded());
		params.put("plan", (provenance.plan() != null) ? json.writeValueAsString(provenance.plan()) : null);
		params.put("pages", json.writeValueAsString(provenance.pages()));
		params.put("tools", json.writeValueAsString(provenance.tools()));
		return params;
	}

	private static Row row(ResultSet rs, int row) throws SQLException {
		Object grounded = rs.getObject("grounded");
		return new Row(rs.getObject("id", UUID.class), status(rs), rs.getInt("version"), rs.getString("description"),
				rs.getString("framework"), rs.getInt("refinements"), strings(rs.getArray("sources")),
				rs.getBoolean("degraded"), (Boolean) grounded, rs.getBoolean("cached"), rs.getString("error"),
				rs.getInt("attempts"), instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "finished_at"),
				rs.getString("validation"));
	}

	private static JobStatus status(ResultSet rs) throws SQLException {
		String status = rs.getString("status");
		return JobStatus.of(status)
			.orElseThrow(() -> new IllegalStateException("A job has the unknown status '" + status + "'"));
	}

	private static List<String> strings(@Nullable Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		return List.of((String[]) array.getArray());
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * A job claimed by a worker.
	 */
	record Claimed(UUID id, String description, String framework, int refinements, List<String> sources,
			@Nullable String providerHint, int version, @Nullable String feedback, int attempts, boolean useCache,
			String cacheKey, long startedEventId) {

	}

	/**
	 * A job found by its idempotency key.
	 */
	record Keyed(UUID id, JobStatus status) {

	}

	/**
	 * A job's row.
	 */
	record Row(UUID id, JobStatus status, int version, String description, String framework, int refinements,
			List<String> sources, boolean degraded, @Nullable Boolean grounded, boolean cached, @Nullable String error,
			int attempts, Instant createdAt, @Nullable Instant startedAt, @Nullable Instant finishedAt,
			@Nullable String validation) {

	}

}
