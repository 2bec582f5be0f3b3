package dev.archon.vector.crawl.web;

/**
 * A crawl request names no way, or more than one way, to find its pages.
 */
public class InvalidCrawlTargets extends RuntimeException {

	InvalidCrawlTargets() {
		super("Give exactly one of sitemapUrl, llmsTxtUrl or a non-empty urls.");
	}

}
