package dev.archon.agentgen.pipeline;

import java.util.List;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withServiceUnavailable;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

/**
 * The coder's documentation tools, against a fake archon-vector.
 */
class DocumentationToolsTests {

	private final RestClient.Builder builder = RestClient.builder().baseUrl("http://vector");

	private final MockRestServiceServer vector = MockRestServiceServer.bindTo(this.builder).build();

	private final DocumentationTools tools = new DocumentationTools(new Retrieval(this.builder.build()),
			List.of("pydantic_ai_docs"));

	@Test
	void searchesTheGenerationsSourceAndRemembersThePagesFound() {
		this.vector.expect(requestTo("http://vector/api/v1/vector/search"))
			.andExpect(content().json("{\"query\": \"register a tool\", \"source\": \"pydantic_ai_docs\"}"))
			.andRespond(withSuccess("""
					{"results": [{"url": "https://ai.pydantic.dev/tools/", "chunkNumber": 2, "title": "Function tools",
					  "summary": "", "content": "Use @agent.tool.", "source": "pydantic_ai_docs", "metadata": {},
					  "score": 0.8}], "tookMs": 1, "cache": "miss"}""", MediaType.APPLICATION_JSON));

		String result = this.tools.execute(call(DocumentationTools.RETRIEVE, "{\"query\": \"register a tool\"}"));

		assertThat(result).isEqualTo("## Function tools — https://ai.pydantic.dev/tools/\nUse @agent.tool.\n\n");
		assertThat(this.tools.pagesRead()).containsExactly("https://ai.pydantic.dev/tools/");
	}

	@Test
	void listsThePagesOfTheSourceAsked() {
		this.vector.expect(requestTo("http://vector/api/v1/vector/pages?source=langchain_docs"))
			.andRespond(withSuccess("[\"https://a.example/1\", \"https://a.example/2\"]", MediaType.APPLICATION_JSON));

		String result = this.tools.execute(call(DocumentationTools.LIST_PAGES, "{\"source\": \"langchain_docs\"}"));

		assertThat(result).isEqualTo("https://a.example/1\nhttps://a.example/2");
		assertThat(this.tools.pagesRead()).isEmpty();
	}

	@Test
	void readsAPage() {
		this.vector.expect(requestTo("http://vector/api/v1/vector/pages/content?url=https://ai.pydantic.dev/agents/"))
			.andRespond(withSuccess("""
					{"url": "https://ai.pydantic.dev/agents/", "title": "Agents", "content": "An agent has tools.",
					 "truncated": false}""", MediaType.APPLICATION_JSON));

		String result = this.tools
			.execute(call(DocumentationTools.GET_PAGE, "{\"url\": \"https://ai.pydantic.dev/agents/\"}"));

		assertThat(result).isEqualTo("# Agents — https://ai.pydantic.dev/agents/\nAn agent has tools.");
		assertThat(this.tools.pagesRead()).containsExactly("https://ai.pydantic.dev/agents/");
	}

	@Test
	void answersAFailureAsTextWithoutTheServicesAddress() {
		this.vector.expect(requestTo("http://vector/api/v1/vector/search")).andRespond(withServiceUnavailable());

		String result = this.tools.execute(call(DocumentationTools.RETRIEVE, "{\"query\": \"tools\"}"));

		assertThat(result).isEqualTo(
				"The tool retrieve_relevant_documentation failed: archon-vector answered 503. Go on without it.");
		assertThat(this.tools.pagesRead()).isEmpty();
	}

	@Test
	void answersAnUnknownToolAsText() {
		String result = this.tools.execute(call("delete_everything", "{}"));

		assertThat(result).startsWith("There is no tool named delete_everything");
		this.vector.verify();
	}

	private static ToolExecutionRequest call(String name, String arguments) {
		return ToolExecutionRequest.builder().id("call_1").name(name).arguments(arguments).build();
	}

}
