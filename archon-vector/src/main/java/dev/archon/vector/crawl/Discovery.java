package dev.archon.vector.crawl;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Finds the pages of a site from its sitemap (following a sitemap index one level down)
 * or from its {@code llms.txt} (the Markdown links it lists).
 */
final class Discovery {

	private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)[^)]*\\)");

	private Discovery() {
	}

	static List<URI> fromSitemap(Fetcher fetcher, URI sitemap, int maxPages) {
		Set<URI> pages = new LinkedHashSet<>();
		collect(fetcher, sitemap, maxPages, pages, 0);
		return new ArrayList<>(pages);
	}

	private static void collect(Fetcher fetcher, URI sitemap, int maxPages, Set<URI> pages, int depth) {
		Document xml = Jsoup.parse(fetcher.fetch(sitemap).body(), sitemap.toString(), Parser.xmlParser());
		for (Element nested : xml.select("sitemapindex > sitemap > loc")) {
			if (depth == 0 && pages.size() < maxPages) {
				collect(fetcher, sitemap.resolve(nested.text().strip()), maxPages, pages, depth + 1);
			}
		}
		for (Element loc : xml.select("urlset > url > loc")) {
			if (pages.size() >= maxPages) {
				return;
			}
			pages.add(sitemap.resolve(loc.text().strip()));
		}
	}

	static List<URI> fromLlmsTxt(Fetcher fetcher, URI llmsTxt, int maxPages) {
		Set<URI> pages = new LinkedHashSet<>();
		Matcher links = MARKDOWN_LINK.matcher(fetcher.fetch(llmsTxt).body());
		while (links.find() && pages.size() < maxPages) {
			try {
				pages.add(llmsTxt.resolve(links.group(1)));
			}
			catch (IllegalArgumentException ex) {
				// A link that is not a URI is no page to crawl.
			}
		}
		return new ArrayList<>(pages);
	}

}
