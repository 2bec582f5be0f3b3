package dev.archon.vector;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;

import dev.archon.api.wire.vector.IndexSummary;
import dev.archon.api.wire.vector.IngestRequest;
import dev.archon.api.wire.vector.IngestRequest.DocumentInput;
import dev.archon.api.wire.vector.IngestResponse;
import dev.archon.api.wire.vector.PageContent;
import dev.archon.api.wire.vector.SearchHit;
import dev.archon.api.wire.vector.SearchRequest;
import dev.archon.api.wire.vector.SearchResponse;
import dev.archon.api.wire.vector.SourceSummary;
import dev.archon.api.wire.vector.VectorApi;
import dev.archon.test.UsesRealServices;
import dev.archon.test.secrets.TestSecrets;
import dev.archon.vector.search.Search;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ingests the real pydantic-ai documentation once, then searches it with questions whose
 * answers were looked up in the docs by hand.
 */
@SpringBootTest(classes = VectorApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "archon.api.keys=" + TestSecrets.API_KEY, "management.server.port=0",
				"archon.api.max-body-size=8MB", "archon.vector.index.min-rows=500",
				"archon.vector.index.check-interval=1h" })
@UsesRealServices
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VectorIntegrationTests {

	private static final String SOURCE = "pydantic_ai_docs";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Search search;

	RestClient client;

	VectorApi vector;

	IngestResponse ingested;

	@BeforeAll
	void ingestCorpus() {
		this.client = RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestSecrets.API_KEY)
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
		this.vector = HttpServiceProxyFactory.builderFor(RestClientAdapter.create(this.client))
			.build()
			.createClient(VectorApi.class);
		this.jdbc.sql("DELETE FROM site_pages").update();
		this.ingested = this.vector.ingest(new IngestRequest(SOURCE, Corpora.documents(), null));
		// Random vectors in another source make the table large enough that the planner
		// prefers the ANN index to a scan, as it would in production.
		this.jdbc.sql("""
				INSERT INTO site_pages (source, url, chunk_number, title, summary, content, embedding)
				SELECT 'synthetic', 'https://synthetic.test/' || n, 0, 't', 's', 'c',
					(SELECT array_agg(random() - 0.5)::vector FROM generate_series(1, 384) WHERE n > 0)
				FROM generate_series(1, 20000) AS n
				""").update();
		this.jdbc.sql("ANALYZE site_pages").update();
		IndexSummary reindexed = this.vector.reindex(null, null);
		assertThat(reindexed.lists()).isPositive();
	}

	@Test
	void storesEveryPageOfTheCorpus() {
		List<SourceSummary> sources = this.vector.sources();
		int pages = Corpora.documents().size();
		assertThat(this.ingested.documents()).isEqualTo(pages);
		assertThat(sources).filteredOn((s) -> s.source().equals(SOURCE))
			.singleElement()
			.satisfies((s) -> assertThat(s.pages()).isEqualTo(pages))
			.satisfies((s) -> assertThat(s.chunks()).isEqualTo(this.ingested.chunks()));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					How do I use a local model served by Ollama?                        | models/ollama.md, api/models/ollama.md
					durable execution of agents with Temporal workflows and activities  | durable_execution/temporal.md
					unit testing an agent with TestModel instead of a real LLM          | testing.md, api/models/test.md
					connect an agent to an MCP server and call its tools                | mcp/client.md, mcp/overview.md, api/mcp.md
					continue a conversation by passing the messages of a previous run   | message-history.md
					define the dependencies type of an agent and access them with ctx.deps | dependencies.md
					evaluate outputs with an LLM as a judge and a rubric                | evals/evaluators/llm-judge.md, api/pydantic_evals/evaluators.md
					chat with an agent from the command line with clai                  | cli.md
					monitor and debug agent runs with Pydantic Logfire tracing          | logfire.md
					compute embeddings of documents for semantic search                 | embeddings.md, api/embeddings.md
					limit how long a tool or model request may take with a timeout      | timeouts.md
					retry a model request after a transient HTTP error                  | retries.md, models/http-request-retries.md
					""")
	void findsThePageThatAnswers(String query, String expected) {
		SearchResponse response = this.vector.search(new SearchRequest(query, SOURCE, 5, null, null));
		Set<String> expectedUrls = Set.of(expected.split(",\\s*"))
			.stream()
			.map((path) -> Corpora.BASE_URL + path)
			.collect(java.util.stream.Collectors.toSet());
		assertThat(response.results()).extracting(SearchHit::url).as(query).containsAnyElementsOf(expectedUrls);
		assertThat(response.results()).extracting(SearchHit::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
	}

	@Test
	void answersARepeatedSearchFromTheResultCache() {
		SearchRequest request = new SearchRequest("streaming structured output", SOURCE, 3, null, null);
		SearchResponse first = this.search.search(request, true);
		SearchResponse second = this.search.search(request, true);
		assertThat(second.cache()).isEqualTo("hit");
		assertThat(second.results()).isEqualTo(first.results());
		assertThat(this.search.search(request, false).cache()).isEqualTo("miss");
	}

	@Test
	void explainShowsTheIndex() {
		List<String> plan = this.search.explain(new SearchRequest("graphs and nodes", null, 5, null, null));
		assertThat(String.join("\n", plan)).contains("Index Scan using site_pages_embedding_ivfflat");
	}

	@Test
	void pageContentGivesBackThePage() throws Exception {
		String expected = Files.readString(Corpora.pydanticAiDocs().resolve("timeouts.md"));
		PageContent page = this.vector.page(Corpora.BASE_URL + "timeouts.md");
		assertThat(page.truncated()).isFalse();
		assertThat(page.content()).isEqualTo(expected);
		List<String> urls = this.vector.pages(SOURCE);
		assertThat(urls).contains(Corpora.BASE_URL + "timeouts.md").hasSize(Corpora.documents().size());
	}

	@Test
	void reingestionReplacesAPagesChunks() {
		String url = "https://example.test/replaced";
		String longPage = "# Old\n\n" + "An old sentence about zebras. ".repeat(200);
		this.vector
			.ingest(new IngestRequest("replace_test", List.of(new DocumentInput(url, null, longPage, null)), null));
		assertThat(chunks(url)).hasSizeGreaterThan(1);
		this.vector.ingest(new IngestRequest("replace_test",
				List.of(new DocumentInput(url, null, "# New\n\nOne new sentence about giraffes.\n", null)), null));
		assertThat(chunks(url)).containsExactly("# New\n\nOne new sentence about giraffes.\n");
	}

	private List<String> chunks(String url) {
		return this.jdbc.sql("SELECT content FROM site_pages WHERE url = :url ORDER BY chunk_number")
			.param("url", url)
			.query(String.class)
			.list();
	}

	@Test
	void reportsInvalidDocumentsByIndexAndStoresNothingUnlessPartial() {
		List<DocumentInput> documents = List.of(new DocumentInput("https://example.test/valid", null, "Fine.", null),
				new DocumentInput(null, null, "No URL.", null));
		var refused = this.client.post()
			.uri("/api/v1/vector/documents")
			.contentType(MediaType.APPLICATION_JSON)
			.body(new IngestRequest("partial_test", documents, null))
			.retrieve()
			.toEntity(ProblemDetail.class);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
		assertThat(refused.getBody().getProperties().get("rejected")).asString()
			.contains("index=1")
			.contains("url is missing");
		assertThat(chunks("https://example.test/valid")).isEmpty();
		IngestResponse partial = this.vector.ingest(new IngestRequest("partial_test", documents, true));
		assertThat(partial.documents()).isEqualTo(1);
		assertThat(chunks("https://example.test/valid")).containsExactly("Fine.");
	}

	@Test
	void refusesATooLargeBodyWith413() throws Exception {
		String huge = "{\"source\":\"huge\",\"documents\":[{\"url\":\"https://example.test/h\",\"content\":\""
				+ "x".repeat(9 * 1024 * 1024) + "\"}]}";
		// A body of known length, as most clients send, so that the limit applies before
		// anything reads it.
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/vector/documents"))
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestSecrets.API_KEY)
				.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
				.POST(HttpRequest.BodyPublishers.ofString(huge))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue(HttpHeaders.CONTENT_TYPE)).get()
			.asString()
			.startsWith("application/problem+json");
	}

}
