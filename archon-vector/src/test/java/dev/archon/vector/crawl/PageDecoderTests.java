package dev.archon.vector.crawl;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageDecoderTests {

	private static final URI PAGE = URI.create("https://docs.example.com/page");

	private static final String FRENCH = "Café crème à la française";

	@Test
	void theContentTypesCharsetWinsOverTheDocumentsOwn() {
		byte[] body = ("<meta charset=\"utf-8\"><p>" + FRENCH + "</p>").getBytes(StandardCharsets.ISO_8859_1);
		assertThat(PageDecoder.decode(body, "text/html; charset=iso-8859-1", PAGE)).contains(FRENCH);
	}

	@Test
	void htmlWithoutACharsetInItsContentTypeIsReadWithItsMetaCharset() {
		byte[] body = ("<html><head><meta charset=\"ISO-8859-1\"></head><body><p>" + FRENCH + "</p></body></html>")
			.getBytes(StandardCharsets.ISO_8859_1);
		assertThat(PageDecoder.decode(body, "text/html", PAGE)).contains(FRENCH);
	}

	@Test
	void htmlIsReadWithItsHttpEquivContentType() {
		byte[] body = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
				+ "</head><body><p>" + FRENCH + " €</p></body></html>")
			.getBytes(Charset.forName("windows-1252"));
		assertThat(PageDecoder.decode(body, null, PAGE)).contains(FRENCH + " €");
	}

	@Test
	void xmlIsReadWithTheEncodingOfItsDeclaration() {
		byte[] body = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><urlset><url><loc>https://example.com/" + FRENCH
				+ "</loc></url></urlset>")
			.getBytes(StandardCharsets.ISO_8859_1);
		assertThat(PageDecoder.decode(body, "application/xml", PAGE)).contains(FRENCH);
	}

	@Test
	void htmlThatDeclaresNothingIsUtf8() {
		byte[] body = ("<p>" + FRENCH + " 東京</p>").getBytes(StandardCharsets.UTF_8);
		assertThat(PageDecoder.decode(body, "text/html", PAGE)).isEqualTo("<p>" + FRENCH + " 東京</p>");
	}

	@Test
	void textThatDeclaresNothingIsUtf8() {
		byte[] body = ("# " + FRENCH).getBytes(StandardCharsets.UTF_8);
		assertThat(PageDecoder.decode(body, "text/markdown", PAGE)).isEqualTo("# " + FRENCH);
	}

	@Test
	void aCharsetThisJvmDoesNotKnowGivesWayToTheDocumentsOwn() {
		byte[] body = ("<meta charset=\"ISO-8859-1\"><p>" + FRENCH + "</p>").getBytes(StandardCharsets.ISO_8859_1);
		assertThat(PageDecoder.decode(body, "text/html; charset=x-no-such-charset", PAGE)).contains(FRENCH);
	}

}
