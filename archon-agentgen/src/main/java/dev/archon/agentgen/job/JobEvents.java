package dev.archon.agentgen.job;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stores each job event, for replay, and publishes it on Redis, so that an SSE client
 * connected to any instance sees it.
 */
@Component
class JobEvents {

	static final String CHANNEL = "archon:agentgen:events";

	private static final Logger logger = LoggerFactory.getLogger(JobEvents.class);

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final StringRedisTemplate redis;

	private final JsonMapper json = JsonMapper.builder().build();

	JobEvents(JdbcClient jdbc, StringRedisTemplate redis) {
		this.jdbc = jdbc;
		this.redis = redis;
	}

	JobEvent append(UUID jobId, String type, Map<String, Object> data) {
		String payload = this.json.writeValueAsString(data);
		long id = this.jdbc
			.sql("INSERT INTO agent_job_events (job_id, type, data) VALUES (:job, :type, :data) RETURNING id")
			.param("job", jobId)
			.param("type", type)
			.param("data", payload)
			.query(Long.class)
			.single();
		JobEvent event = new JobEvent(id, jobId, type, data);
		try {
			this.redis.convertAndSend(CHANNEL, this.json.writeValueAsString(event));
		}
		catch (RuntimeException ex) {
			// Stored already: clients on other instances get it on reconnection.
			logger.warn("Could not publish event {} of job {}: {}", type, jobId, ex.getMessage());
		}
		return event;
	}

	List<JobEvent> after(UUID jobId, long lastId) {
		return this.jdbc
			.sql("SELECT id, type, data FROM agent_job_events WHERE job_id = :job AND id > :last ORDER BY id")
			.param("job", jobId)
			.param("last", lastId)
			.query((rs, row) -> new JobEvent(rs.getLong("id"), jobId, rs.getString("type"),
					this.json.readValue(rs.getString("data"), MAP)))
			.list();
	}

	JobEvent read(String message) {
		return this.json.readValue(message, JobEvent.class);
	}

}
