package dev.archon.agentgen;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import dev.archon.test.UsesRealServices;
import dev.archon.test.hostile.HostileInput;
import dev.archon.test.hostile.OpenApiOperations;
import dev.archon.test.hostile.OpenApiOperations.Operation;
import dev.archon.test.secrets.TestSecrets;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the service's OpenAPI document, sent hostile bodies, query
 * parameters, headers and path variables over HTTP: none gets a server error, a trace of
 * the server's insides, or a 4xx that is not a problem. No worker runs the jobs that
 * hostile but valid requests queue; archon-vector is absent.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "archon.api.keys=" + TestSecrets.API_KEY, "archon.agentgen.jobs.workers=0",
				"archon.agentgen.pipeline.vector-url=http://localhost:9" })
@UsesRealServices
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
class HostileInputIntegrationTests {

	private static final int TRIES_PER_OPERATION = 200;

	private final OffsetDateTime started = Instant.now().atOffset(ZoneOffset.UTC);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@TestFactory
	Stream<DynamicTest> answersHostileInputToEveryOperationWithoutAServerErrorOrItsInsides() throws IOException {
		assertThat(OpenApiOperations.of(this.port)).extracting(Operation::path)
			.contains("/api/v1/agents", "/api/v1/agents/{id}/diff", "/api/v1/agents/{id}/versions/{number}",
					"/api/v1/llm/providers");
		return HostileInput.probes(this.port, TRIES_PER_OPERATION, "Authorization: Bearer " + TestSecrets.API_KEY);
	}

	/**
	 * Cancels the jobs that valid requests among the hostile ones queued, so that the
	 * workers of the next test class do not spend their time on them.
	 */
	@AfterAll
	void cancelQueuedJobs() {
		this.jdbc.sql(
				"UPDATE agent_jobs SET status = 'cancelled', finished_at = now() WHERE status = 'queued' AND created_at >= :started")
			.param("started", this.started)
			.update();
	}

}
