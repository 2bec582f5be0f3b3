package dev.archon.agentgen.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.archon.agentgen.llm.LlmProperties;
import dev.archon.agentgen.llm.SimulatedProviders;
import dev.archon.agentgen.resources.AgentResources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.ExpectedCount;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestToUriTemplate;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withServerError;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

/**
 * The coder, answered by a simulated provider that calls tools, searches the
 * documentation itself through the pool's tool-call loop, and the job's coder step says
 * which pages it read.
 */
class CoderDocumentationToolsTests {

	private static final String PAGE = "https://ai.pydantic.dev/tools/";

	private static final String HITS = """
			{"results": [{"url": "%s", "chunkNumber": 0, "title": "Function tools", "summary": "Registering tools",
			  "content": "Register a tool with @agent.tool.", "source": "pydantic_ai_docs", "metadata": {}, "score": 0.82}],
			 "tookMs": 3, "cache": "miss"}"""
		.formatted(PAGE);

	private static final String CONTENT = """
			{"url": "%s", "title": "Function tools", "content": "Register a tool with @agent.tool.", "truncated": false}"""
		.formatted(PAGE);

	private final SimulatedProviders sim = SimulatedProviders.shared();

	private final AgentResources resources = AgentResources.load(List.of(Path.of("../agent-resources")));

	private final RestClient.Builder vectorClient = RestClient.builder().baseUrl("http://vector");

	private final MockRestServiceServer vector = MockRestServiceServer.bindTo(this.vectorClient)
		.ignoreExpectOrder(true)
		.build();

	@ParameterizedTest
	@ValueSource(strings = { "openai", "anthropic" })
	void coderSearchesTheDocumentationItselfAndCitesThePage(String providerType) {
		// given: the retrieval step searches once, the coder's tool once more
		this.vector.expect(ExpectedCount.times(2), requestTo("http://vector/api/v1/vector/search"))
			.andExpect(method(HttpMethod.POST))
			.andRespond(withSuccess(HITS, MediaType.APPLICATION_JSON));
		this.vector
			.expect(ExpectedCount.manyTimes(),
					requestToUriTemplate("http://vector/api/v1/vector/pages/content?url={url}", PAGE))
			.andRespond(withSuccess(CONTENT, MediaType.APPLICATION_JSON));
		this.vector.expect(ExpectedCount.manyTimes(), requestTo("http://vector/api/v1/vector/embed"))
			.andRespond(withServerError());
		LlmProperties.Provider provider = providerType.equals("openai") ? this.sim.openAi() : this.sim.anthropic();
		Pipeline pipeline = new Pipeline(SimulatedProviders.pool(List.of(provider, SimulatedProviders.builtin())),
				new Prompts(), this.resources, new Retrieval(this.vectorClient.build()),
				new Validator("python3", Duration.ofSeconds(20)), 0);
		PipelineTests.RecordingRun run = new PipelineTests.RecordingRun();

		// when
		GenerationResult result = pipeline.run(new GenerationRequest("An agent that reads my open GitHub issues.",
				"pydantic-ai", 0, List.of(), null, 1, null, Map.of()), run);

		// then
		this.vector.verify();
		assertThat(result.degraded()).isFalse();
		assertThat(result.files().get("agent.py")).contains("# Written from the documentation at " + PAGE);
		PipelineRun.StepOutcome coder = run.finished.get("1/coder");
		assertThat(coder.provider()).isEqualTo(provider.name());
		assertThat(coder.detail()).isEqualTo("read " + PAGE);
	}

}
