package dev.archon.agentgen.pipeline;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.archon.agentgen.llm.Toolbox;
import dev.archon.api.wire.vector.PageContent;
import dev.archon.api.wire.vector.SearchHit;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.client.RestClientResponseException;

/**
 * The original Archon coder's three documentation tools, offered to a model that can call
 * tools: search the documentation, list a source's pages, read a page. They reach
 * archon-vector through {@link Retrieval}, and remember the pages the coder read so that
 * the job can say which.
 */
final class DocumentationTools implements Toolbox {

	static final String RETRIEVE = "retrieve_relevant_documentation";

	static final String LIST_PAGES = "list_documentation_pages";

	static final String GET_PAGE = "get_page_content";

	private static final Logger logger = LoggerFactory.getLogger(DocumentationTools.class);

	private static final int PAGE_CHARS = 20_000;

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final List<ToolSpecification> SPECIFICATIONS = List.of(
			tool(RETRIEVE, "Search the documentation for the chunks most relevant to a query, with their pages' URLs.",
					"query", "what to look for, in a few words", true),
			tool(LIST_PAGES, "List the URLs of the documentation pages of a source.", "source",
					"the source, such as pydantic_ai_docs; the generation's own source when absent", false),
			tool(GET_PAGE, "Read a whole documentation page, by its URL.", "url", "the page's URL", true));

	private final Retrieval retrieval;

	private final List<String> sources;

	private final Set<String> pagesRead = new LinkedHashSet<>();

	/**
	 * Tools for one coder step.
	 * @param retrieval the way to archon-vector
	 * @param sources the generation's sources, which a search and a listing keep to
	 */
	DocumentationTools(Retrieval retrieval, List<String> sources) {
		this.retrieval = retrieval;
		this.sources = sources;
	}

	@Override
	public List<ToolSpecification> specifications() {
		return SPECIFICATIONS;
	}

	@Override
	public String execute(ToolExecutionRequest request) {
		try {
			JsonNode arguments = json.readTree((request.arguments() != null) ? request.arguments() : "{}");
			return switch (request.name()) {
				case RETRIEVE -> retrieve(arguments.path("query").asString(""));
				case LIST_PAGES -> listPages(arguments.path("source").asString(""));
				case GET_PAGE -> page(arguments.path("url").asString(""));
				default -> "There is no tool named " + request.name() + ": the tools are " + RETRIEVE + ", "
						+ LIST_PAGES + " and " + GET_PAGE + ".";
			};
		}
		catch (RuntimeException ex) {
			logger.warn("The coder's tool {} failed: {}", request.name(), ex.getMessage());
			// The model reads this: it says what failed without the addresses of
			// Archon's own services.
			String cause = (ex instanceof RestClientResponseException response)
					? "archon-vector answered " + response.getStatusCode().value()
					: "archon-vector did not answer (" + ex.getClass().getSimpleName() + ")";
			return "The tool " + request.name() + " failed: " + cause + ". Go on without it.";
		}
	}

	/**
	 * The pages whose text the coder was given, in the order it read them.
	 * @return their URLs
	 */
	synchronized List<String> pagesRead() {
		return List.copyOf(this.pagesRead);
	}

	private String retrieve(String query) {
		if (query.isBlank()) {
			return "Give a query to search the documentation for.";
		}
		List<SearchHit> hits = this.retrieval.search(query, this.sources.isEmpty() ? null : this.sources.getFirst());
		if (hits.isEmpty()) {
			return "No documentation matches this query.";
		}
		StringBuilder text = new StringBuilder();
		for (SearchHit hit : hits) {
			read(hit.url());
			text.append(Retrieval.chunk(hit));
		}
		return text.toString();
	}

	private String listPages(String source) {
		@Nullable String chosen = !source.isBlank() ? source : (this.sources.isEmpty() ? null : this.sources.getFirst());
		if (chosen == null) {
			return "Name the source whose pages to list.";
		}
		List<String> urls = this.retrieval.pages(chosen);
		return urls.isEmpty() ? "The source " + chosen + " has no pages." : String.join("\n", urls);
	}

	private String page(String url) {
		if (url.isBlank()) {
			return "Give the URL of the page to read.";
		}
		PageContent page = this.retrieval.page(url);
		if (page == null) {
			return "archon-vector has no page at " + url + ".";
		}
		read(page.url());
		String content = (page.content().length() > PAGE_CHARS) ? page.content().substring(0, PAGE_CHARS)
				: page.content();
		return "# " + page.title() + " — " + page.url() + "\n" + content;
	}

	private synchronized void read(String url) {
		this.pagesRead.add(url);
	}

	private static ToolSpecification tool(String name, String description, String parameter,
			String parameterDescription, boolean required) {
		JsonObjectSchema.Builder parameters = JsonObjectSchema.builder()
			.addStringProperty(parameter, parameterDescription);
		if (required) {
			parameters.required(parameter);
		}
		return ToolSpecification.builder().name(name).description(description).parameters(parameters.build()).build();
	}

}
