package dev.archon.vector.summary;

import java.util.List;
import java.util.Map;

import dev.archon.sim.SimApplication;
import dev.archon.test.InProcessSimulator;
import dev.archon.test.UsesRealServices;
import dev.archon.test.secrets.TestSecrets;
import dev.archon.vector.VectorApplication;
import dev.archon.vector.ingest.Document;
import dev.archon.vector.ingest.Ingestion;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Titles and summaries from an LLM, archon-sim's simulated OpenAI in this JVM, and the
 * heuristic's when that LLM fails.
 */
@SpringBootTest(classes = VectorApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "archon.api.keys=" + TestSecrets.API_KEY, "management.server.port=0",
				"archon.vector.index.check-interval=1h", "archon.vector.summaries.model=sim-model",
				"archon.vector.summaries.api-key=" + TestSecrets.LLM_PROVIDER_KEY,
				"archon.vector.summaries.max-retries=0", "archon.vector.summaries.timeout=5s" })
@UsesRealServices
class SummariesIntegrationTests {

	private static final String SOURCE = "summaries_test";

	private static final String TOKEN = TestSecrets.SIMULATOR_TOKEN;

	private static final ConfigurableApplicationContext sim = new SpringApplicationBuilder(SimApplication.class)
		.run(InProcessSimulator.arguments(TOKEN));

	private static final String SIM_URL = "http://localhost:" + sim.getEnvironment().getProperty("local.server.port");

	@DynamicPropertySource
	static void llm(DynamicPropertyRegistry registry) {
		registry.add("archon.vector.summaries.base-url", () -> SIM_URL + "/v1");
	}

	@Autowired
	Ingestion ingestion;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meterRegistry;

	private final RestClient control = RestClient.builder()
		.baseUrl(SIM_URL)
		.defaultHeader("Authorization", "Bearer " + TOKEN)
		.build();

	@AfterEach
	void clear() {
		this.control.delete().uri("/_sim/llm/faults").retrieve().toBodilessEntity();
		this.jdbc.sql("DELETE FROM site_pages WHERE source = :source").param("source", SOURCE).update();
	}

	@AfterAll
	static void stopSim() {
		sim.close();
	}

	@Test
	void storesTheLlmsTitlesAndSummaries() {
		this.ingestion.ingest(SOURCE, List.of(document("https://docs.test/tools")));

		List<Map<String, Object>> rows = rows("https://docs.test/tools");
		assertThat(rows).isNotEmpty().allSatisfy((row) -> {
			assertThat((String) row.get("title")).startsWith("Sim: ");
			assertThat((String) row.get("summary")).startsWith("Sim summary of ");
		});
		// The prompt is the chunk's heading, then its text.
		assertThat(rows.getFirst().get("title")).isEqualTo("Sim: Tools Tools Tools let the model");
	}

	@Test
	void fallsBackToHeadingsAndFirstSentencesWhenTheLlmFails() {
		this.control.post()
			.uri("/_sim/llm/faults")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("provider", "openai", "mode", "status", "status", 500))
			.retrieve()
			.toBodilessEntity();
		double fallbacks = fallbacks();

		this.ingestion.ingest(SOURCE, List.of(document("https://docs.test/tools-again")));

		List<Map<String, Object>> rows = rows("https://docs.test/tools-again");
		assertThat(rows).isNotEmpty()
			.allSatisfy((row) -> assertThat((String) row.get("title")).doesNotStartWith("Sim"));
		assertThat(rows.getFirst().get("title")).isEqualTo("Tools");
		assertThat(rows.getFirst().get("summary")).asString().startsWith("Tools let the model call");
		assertThat(fallbacks() - fallbacks).isEqualTo((double) rows.size());
	}

	@Test
	void observesTheLlmCallsAsHttpClientRequests() {
		long before = llmCalls();

		this.ingestion.ingest(SOURCE, List.of(document("https://docs.test/tools-observed")));

		assertThat(llmCalls() - before).isEqualTo(rows("https://docs.test/tools-observed").size());
	}

	private long llmCalls() {
		return this.meterRegistry.find("http.client.requests")
			.tag("client.name", "localhost")
			.timers()
			.stream()
			.mapToLong(Timer::count)
			.sum();
	}

	private static Document document(String url) {
		return new Document(url, "Tools",
				"## Tools\n\nTools let the model call **Python** functions. They are registered with a decorator.\n",
				Map.of());
	}

	private List<Map<String, Object>> rows(String url) {
		return this.jdbc.sql("SELECT title, summary FROM site_pages WHERE url = :url ORDER BY chunk_number")
			.param("url", url)
			.query()
			.listOfRows();
	}

	private double fallbacks() {
		return this.meterRegistry.get("archon.vector.summaries").tag("outcome", "fallback").counter().count();
	}

}
