package dev.archon.vector.crawl;

import java.util.Locale;

import com.vladsch.flexmark.html2md.converter.FlexmarkHtmlConverter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Turns a fetched page into Markdown: Markdown and plain text as they are, HTML through
 * jsoup (keeping the main content, dropping navigation, scripts and styles) and
 * flexmark's HTML-to-Markdown converter.
 */
final class Markdown {

	private static final FlexmarkHtmlConverter CONVERTER = FlexmarkHtmlConverter.builder().build();

	private Markdown() {
	}

	static Converted of(Fetcher.Page page) {
		String type = page.contentType().toLowerCase(Locale.ROOT);
		boolean html = type.contains("html") || (type.isEmpty() && page.body().stripLeading().startsWith("<"));
		if (!html) {
			return new Converted("", page.body());
		}
		Document document = Jsoup.parse(page.body(), page.uri().toString());
		document.select("script, style, noscript, nav, header, footer, aside, form, iframe").remove();
		Element main = document.selectFirst("main, article, [role=main]");
		Element content = (main != null) ? main : document.body();
		return new Converted(document.title(), CONVERTER.convert(content.outerHtml()));
	}

	record Converted(String title, String markdown) {

	}

}
