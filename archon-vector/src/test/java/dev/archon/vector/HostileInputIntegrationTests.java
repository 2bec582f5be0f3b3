package dev.archon.vector;

import java.io.IOException;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import dev.archon.test.UsesRealServices;
import dev.archon.test.hostile.HostileInput;
import dev.archon.test.hostile.OpenApiOperations;
import dev.archon.test.hostile.OpenApiOperations.Operation;
import dev.archon.test.secrets.TestSecrets;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the service's OpenAPI document, sent hostile bodies, query
 * parameters, headers and path variables over HTTP: none gets a server error, a trace of
 * the server's insides, or a 4xx that is not a problem.
 */
// The configuration of SourcesIntegrationTests, so that the two share one application.
@SpringBootTest(classes = VectorApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "archon.api.keys=" + TestSecrets.API_KEY, "management.server.port=0" })
@UsesRealServices
class HostileInputIntegrationTests {

	private static final int TRIES_PER_OPERATION = 200;

	@LocalServerPort
	int port;

	@TestFactory
	Stream<DynamicTest> answersHostileInputToEveryOperationWithoutAServerErrorOrItsInsides() throws IOException {
		assertThat(OpenApiOperations.of(this.port)).extracting(Operation::path)
			.contains("/api/v1/vector/search", "/api/v1/vector/documents", "/api/v1/vector/sources/{source}");
		return HostileInput.probes(this.port, TRIES_PER_OPERATION, "Authorization: Bearer " + TestSecrets.API_KEY);
	}

}
