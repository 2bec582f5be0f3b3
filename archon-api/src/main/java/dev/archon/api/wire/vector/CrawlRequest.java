package dev.archon.api.wire.vector;

import java.net.URI;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A crawl: {@code POST /api/v1/vector/crawls}, with exactly one of a sitemap, an llms.txt
 * or a list of URLs.
 *
 * @param source the source to ingest into
 * @param sitemapUrl a sitemap to find the pages in
 * @param llmsTxtUrl an llms.txt to find the pages in
 * @param urls the pages
 * @param maxPages the most pages to fetch
 */
public record CrawlRequest(@NotBlank @Size(max = 200) String source, @Nullable URI sitemapUrl, @Nullable URI llmsTxtUrl,
		@Nullable @Size(max = 10_000) List<URI> urls, @Nullable @Min(1) @Max(100_000) Integer maxPages) {

	/**
	 * The pages given directly.
	 * @return the URLs, empty when the pages are to be discovered
	 */
	public List<URI> urlsOrEmpty() {
		return (this.urls != null) ? this.urls : List.of();
	}

	/**
	 * Whether the request names exactly one way to find its pages. Not a bean property,
	 * so that it never becomes a member of the JSON.
	 * @return {@code true} for exactly one of a sitemap, an llms.txt or a non-empty list
	 */
	public boolean namesOneTarget() {
		int given = ((this.sitemapUrl != null) ? 1 : 0) + ((this.llmsTxtUrl != null) ? 1 : 0)
				+ (urlsOrEmpty().isEmpty() ? 0 : 1);
		return given == 1;
	}

}
