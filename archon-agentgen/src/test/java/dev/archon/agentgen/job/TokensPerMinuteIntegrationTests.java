package dev.archon.agentgen.job;

import java.io.IOException;
import java.util.List;

import dev.archon.agentgen.llm.SimulatedProviders;
import dev.archon.test.UsesRealServices;
import dev.archon.test.secrets.TestSecrets;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A provider's tokens per minute, enforced in a real generation: the first provider has a
 * budget of one token a minute, so that after its first call the job's other calls fail
 * over to the next provider with the reason {@code tpm}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "archon.api.keys=" + TestSecrets.API_KEY, "archon.llm.profile=sim",
				"archon.agentgen.pipeline.vector-url=http://localhost:9", "archon.llm.providers[0].name=sim-limited",
				"archon.llm.providers[0].type=openai",
				"archon.llm.providers[0].api-key=" + TestSecrets.LLM_PROVIDER_KEY, "archon.llm.providers[0].priority=1",
				"archon.llm.providers[0].tpm=1", "archon.llm.providers[0].models.reasoner=sim-reasoner",
				"archon.llm.providers[0].models.primary=sim-coder" })
@UsesRealServices
// Closed afterwards, so that its workers do not take the jobs of the next test class.
@DirtiesContext
class TokensPerMinuteIntegrationTests {

	@DynamicPropertySource
	static void simulator(DynamicPropertyRegistry registry) {
		registry.add("archon.llm.sim-url", () -> SimulatedProviders.shared().baseUrl());
		// A list binds from one property source: the whole provider is here.
		registry.add("archon.llm.providers[0].name", () -> "sim-limited");
		registry.add("archon.llm.providers[0].type", () -> "openai");
		registry.add("archon.llm.providers[0].base-url", () -> SimulatedProviders.shared().baseUrl() + "/v1");
		registry.add("archon.llm.providers[0].api-key", () -> TestSecrets.LLM_PROVIDER_KEY);
		registry.add("archon.llm.providers[0].priority", () -> 1);
		registry.add("archon.llm.providers[0].tpm", () -> 1);
		registry.add("archon.llm.providers[0].models.reasoner", () -> "sim-reasoner");
		registry.add("archon.llm.providers[0].models.primary", () -> "sim-coder");
	}

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry registry;

	@Test
	void failsOverFromAProviderWhoseTokensPerMinuteAreSpent() throws IOException, InterruptedException {
		AgentsApi api = new AgentsApi(this.port);
		String location = api.submit("An agent that tells me when my train is late.");
		JsonNode job = api.awaitFinished(location);
		assertThat(job.path("status").asString()).isEqualTo("succeeded");
		assertThat(job.path("degraded").asBoolean()).isFalse();
		assertThat(job.path("providers").toString()).contains("sim-openai");
		List<SseClient.Event> events = api.events(location, null);
		assertThat(events).filteredOn((event) -> event.type().equals("failover"))
			.isNotEmpty()
			.allSatisfy((event) -> assertThat(event.data()).contains("\"from\":\"sim-limited\"")
				.contains("\"reason\":\"tpm\""));
		assertThat(this.registry.find("archon.llm.failovers")
			.tags("from", "sim-limited", "to", "sim-openai", "reason", "tpm")
			.counter()
			.count()).isPositive();
	}

}
