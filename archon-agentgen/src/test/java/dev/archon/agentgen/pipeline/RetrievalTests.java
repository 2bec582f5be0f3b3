package dev.archon.agentgen.pipeline;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

/**
 * Retrieval embeds texts with archon-vector's model, for the composer's choice of tools.
 */
class RetrievalTests {

	private final RestClient.Builder builder = RestClient.builder().baseUrl("http://vector");

	private final MockRestServiceServer vector = MockRestServiceServer.bindTo(this.builder).build();

	@Test
	void embedsTextsWithArchonVectorsModel() {
		this.vector.expect(requestTo("http://vector/api/v1/vector/embed"))
			.andExpect(content().json("{\"texts\": [\"github issues\", \"the weather\"]}"))
			.andRespond(withSuccess(
					"{\"model\": \"all-minilm-l6-v2\", \"dimension\": 2, \"vectors\": [[1, 0], [0.6, 0.8]]}",
					MediaType.APPLICATION_JSON));

		List<float[]> vectors = new Retrieval(this.builder.build()).embed(List.of("github issues", "the weather"));

		assertThat(vectors).containsExactly(new float[] { 1, 0 }, new float[] { 0.6f, 0.8f });
	}

	@Test
	void refusesAnAnswerWithoutAVectorPerText() {
		this.vector.expect(requestTo("http://vector/api/v1/vector/embed"))
			.andRespond(withSuccess("{\"model\": \"m\", \"dimension\": 2, \"vectors\": [[1, 0]]}",
					MediaType.APPLICATION_JSON));

		assertThatIllegalStateException()
			.isThrownBy(() -> new Retrieval(this.builder.build()).embed(List.of("one", "two")));
	}

}
