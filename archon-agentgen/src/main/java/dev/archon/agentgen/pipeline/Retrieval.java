package dev.archon.agentgen.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.archon.agentgen.compose.Embeddings;
import dev.archon.agentgen.compose.Page;
import dev.archon.api.wire.vector.PageContent;
import dev.archon.api.wire.vector.SearchHit;
import dev.archon.api.wire.vector.SearchRequest;
import dev.archon.api.wire.vector.SearchResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

/**
 * Grounds a generation in archon-vector's documentation, as the original's three tools
 * did: the relevant chunks, the pages they belong to, and the best page in full. When
 * archon-vector is down (its circuit breaker open, or the call failing), generation goes
 * on ungrounded and says so. It also embeds texts with archon-vector's model, for the
 * composer's choice of tools.
 */
class Retrieval implements Embeddings {

	private static final Logger logger = LoggerFactory.getLogger(Retrieval.class);

	private static final int CHUNKS = 6;

	private static final int PAGE_CHARS = 6000;

	private static final JsonMapper json = JsonMapper.builder().build();

	private final RestClient vector;

	Retrieval(RestClient vector) {
		this.vector = vector;
	}

	@Override
	public List<float[]> embed(List<String> texts) {
		Embedded embedded = this.vector.post()
			.uri("/api/v1/vector/embed")
			.body(Map.of("texts", texts))
			.retrieve()
			.body(Embedded.class);
		if (embedded == null || embedded.vectors().size() != texts.size()) {
			throw new IllegalStateException("archon-vector answered no vector for some of the texts");
		}
		return embedded.vectors();
	}

	Documents retrieve(String query, List<String> sources) {
		try {
			List<SearchHit> hits = new ArrayList<>();
			List<@Nullable String> scopes = sources.isEmpty() ? Collections.singletonList(null)
					: new ArrayList<>(sources);
			String trimmed = (query.length() > 2000) ? query.substring(0, 2000) : query;
			for (String source : scopes) {
				hits.addAll(search(trimmed, source));
			}
			hits.sort((a, b) -> Double.compare(b.score(), a.score()));
			StringBuilder text = new StringBuilder();
			// A page's score is its best chunk's; its excerpt, all of its chunks found.
			Map<String, Page> pages = new LinkedHashMap<>();
			for (SearchHit hit : hits.subList(0, Math.min(hits.size(), CHUNKS))) {
				Page page = pages.get(hit.url());
				String excerpt = (page != null) ? page.excerpt() + "\n\n" + hit.content() : hit.content();
				pages.put(hit.url(), new Page(hit.url(), hit.title(),
						(page != null) ? Math.max(page.score(), hit.score()) : hit.score(), excerpt));
				text.append(chunk(hit));
			}
			if (!hits.isEmpty()) {
				PageContent page = page(hits.get(0).url());
				if (page != null) {
					String content = page.content();
					text.append("# Full page: ")
						.append(page.title())
						.append('\n')
						.append((content.length() > PAGE_CHARS) ? content.substring(0, PAGE_CHARS) : content)
						.append('\n');
				}
			}
			return new Documents(true, List.copyOf(pages.values()), text.toString());
		}
		catch (RuntimeException ex) {
			logger.warn("archon-vector is unavailable, generating without documentation: {}", ex.getMessage());
			return new Documents(false, List.of(), "");
		}
	}

	/**
	 * The chunks most similar to a query.
	 * @param query the query
	 * @param source the source to search, {@code null} for all
	 * @return the chunks, best first
	 */
	List<SearchHit> search(String query, @Nullable String source) {
		SearchResponse response = this.vector.post()
			.uri("/api/v1/vector/search")
			.body(new SearchRequest(query, source, CHUNKS, null, null))
			.retrieve()
			.body(SearchResponse.class);
		return (response != null) ? response.results() : List.of();
	}

	/**
	 * The pages of a source.
	 * @param source the source
	 * @return their URLs
	 */
	List<String> pages(String source) {
		List<String> urls = this.vector.get()
			.uri((uri) -> uri.path("/api/v1/vector/pages").queryParam("source", source).build())
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
		return (urls != null) ? urls : List.of();
	}

	/**
	 * A whole page.
	 * @param url the page
	 * @return its content, {@code null} when archon-vector answered nothing
	 */
	@Nullable PageContent page(String url) {
		return this.vector.get()
			.uri((uri) -> uri.path("/api/v1/vector/pages/content").queryParam("url", url).build())
			.retrieve()
			.body(PageContent.class);
	}

	/**
	 * A chunk as the coder reads it: its title and page, then its text.
	 * @param hit the chunk
	 * @return the text
	 */
	static String chunk(SearchHit hit) {
		return "## " + hit.title() + " — " + hit.url() + "\n" + hit.content() + "\n\n";
	}

	/**
	 * What retrieval found.
	 *
	 * @param reachable whether archon-vector answered
	 * @param pages the pages found, best first
	 * @param text the documentation given to the coder
	 */
	record Documents(boolean reachable, List<Page> pages, String text) {

		static final Documents NONE = new Documents(false, List.of(), "");

		/**
		 * Whether the generation is grounded: a page was found and handed to the coder.
		 * @return whether there is a page
		 */
		boolean grounded() {
			return !this.pages.isEmpty();
		}

		/**
		 * Whether files cite one of the pages by its URL.
		 * @param files the generated files
		 * @return whether a page's URL is in one of them
		 */
		boolean citedIn(Map<String, String> files) {
			return this.pages.stream()
				.anyMatch((page) -> files.values().stream().anyMatch((content) -> content.contains(page.url())));
		}

		String write() {
			return json.writeValueAsString(this);
		}

		/**
		 * The documents of a stored retrieval step.
		 * @param stored what {@link #write()} wrote
		 * @return the documents, or none when the step stored something else
		 */
		static Documents read(String stored) {
			try {
				return json.readValue(stored, Documents.class);
			}
			catch (JacksonException ex) {
				return NONE;
			}
		}

	}

	private record Embedded(List<float[]> vectors) {

	}

}
