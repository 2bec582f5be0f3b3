package dev.archon.vector.embed;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.archon.sim.SimApplication;
import dev.archon.sim.llm.Embeddings;
import dev.archon.test.InProcessSimulator;
import dev.archon.test.secrets.TestSecrets;
import dev.archon.vector.VectorProperties;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Embeds through archon-sim's simulated OpenAI {@code /v1/embeddings}, which answers each
 * text with a vector derived from the text alone.
 */
class OpenAiEmbedderTests {

	/** The simulated endpoint's dimension when a request names none. */
	private static final int SIM_DIMENSION = 1536;

	private static final ConfigurableApplicationContext sim = new SpringApplicationBuilder(SimApplication.class)
		.run(InProcessSimulator.arguments(TestSecrets.SIMULATOR_TOKEN));

	private final MeterRegistry meterRegistry = new SimpleMeterRegistry();

	@AfterAll
	static void stopSim() {
		sim.close();
	}

	@Test
	void embedsEveryTextInItsOrderAcrossBatches() {
		List<String> texts = List.of("agents", "tools", "dependencies", "streaming", "evals");

		List<float[]> vectors = embedder(SIM_DIMENSION, 2).embed(texts);

		assertThat(vectors).hasSize(texts.size());
		for (int i = 0; i < texts.size(); i++) {
			assertThat(vectors.get(i)).as(texts.get(i)).containsExactly(Embeddings.of(texts.get(i), SIM_DIMENSION));
		}
	}

	@Test
	void refusesVectorsOfAnotherDimensionThanConfigured() {
		OpenAiEmbedder embedder = embedder(384, 64);

		assertThatIllegalStateException().isThrownBy(() -> embedder.embed(List.of("agents")))
			.withMessageContaining("1536 dimensions, 384 configured");
	}

	@Test
	void observesEachBatchAsAnHttpClientRequest() {
		embedder(SIM_DIMENSION, 2).embed(List.of("one", "two", "three"));

		assertThat(this.meterRegistry.get("http.client.requests").tag("method", "POST").timer().count()).isEqualTo(2);
	}

	private OpenAiEmbedder embedder(int dimension, int batchSize) {
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(this.meterRegistry));
		VectorProperties.OpenAi settings = new VectorProperties.OpenAi(
				URI.create("http://localhost:" + sim.getEnvironment().getProperty("local.server.port")),
				TestSecrets.LLM_PROVIDER_KEY, "text-embedding-3-small", Duration.ofSeconds(10), batchSize);
		return new OpenAiEmbedder(settings, dimension, RestClient.builder().observationRegistry(observations));
	}

}
