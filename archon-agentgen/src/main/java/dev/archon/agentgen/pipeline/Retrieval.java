package dev.archon.agentgen.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.archon.api.wire.vector.PageContent;
import dev.archon.api.wire.vector.SearchHit;
import dev.archon.api.wire.vector.SearchRequest;
import dev.archon.api.wire.vector.SearchResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.client.RestClient;

/**
 * Grounds a generation in archon-vector's documentation, as the original's three tools
 * did: the relevant chunks, the pages they belong to, and the best page in full. When
 * archon-vector is down (its circuit breaker open, or the call failing), generation goes
 * on ungrounded and says so.
 */
class Retrieval {

	private static final Logger logger = LoggerFactory.getLogger(Retrieval.class);

	private static final int CHUNKS = 6;

	private static final int PAGE_CHARS = 6000;

	private final RestClient vector;

	Retrieval(RestClient vector) {
		this.vector = vector;
	}

	Documents retrieve(String query, List<String> sources) {
		try {
			List<SearchHit> hits = new ArrayList<>();
			List<@Nullable String> scopes = sources.isEmpty() ? java.util.Collections.singletonList(null)
					: new ArrayList<>(sources);
			String trimmed = (query.length() > 2000) ? query.substring(0, 2000) : query;
			for (String source : scopes) {
				SearchResponse response = this.vector.post()
					.uri("/api/v1/vector/search")
					.body(new SearchRequest(trimmed, source, CHUNKS, null, null))
					.retrieve()
					.body(SearchResponse.class);
				if (response != null) {
					hits.addAll(response.results());
				}
			}
			hits.sort((a, b) -> Double.compare(b.score(), a.score()));
			StringBuilder text = new StringBuilder();
			Set<String> pages = new LinkedHashSet<>();
			for (SearchHit hit : hits.subList(0, Math.min(hits.size(), CHUNKS))) {
				pages.add(hit.title() + " (" + hit.url() + ")");
				text.append("## ").append(hit.title()).append(" — ").append(hit.url()).append('\n');
				text.append(hit.content()).append("\n\n");
			}
			if (!hits.isEmpty()) {
				PageContent page = this.vector.get()
					.uri((uri) -> uri.path("/api/v1/vector/pages/content").queryParam("url", hits.get(0).url()).build())
					.retrieve()
					.body(PageContent.class);
				if (page != null) {
					String content = page.content();
					text.append("# Full page: ")
						.append(page.title())
						.append('\n')
						.append((content.length() > PAGE_CHARS) ? content.substring(0, PAGE_CHARS) : content)
						.append('\n');
				}
			}
			return new Documents(true, List.copyOf(pages), text.toString());
		}
		catch (RuntimeException ex) {
			logger.warn("archon-vector is unavailable, generating without documentation: {}", ex.getMessage());
			return new Documents(false, List.of(), "");
		}
	}

	/**
	 * What retrieval found.
	 *
	 * @param grounded whether archon-vector answered
	 * @param pages the pages used, as {@code title (url)}
	 * @param text the documentation given to the coder
	 */
	record Documents(boolean grounded, List<String> pages, String text) {

	}

}
