package dev.archon.vector.crawl.web;

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
record CrawlRequest(@NotBlank @Size(max = 200) String source, @Nullable URI sitemapUrl, @Nullable URI llmsTxtUrl,
		@Nullable @Size(max = 10_000) List<URI> urls, @Nullable @Min(1) @Max(100_000) Integer maxPages) {

}
