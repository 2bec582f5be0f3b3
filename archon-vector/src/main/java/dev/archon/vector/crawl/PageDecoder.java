package dev.archon.vector.crawl;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;
import org.jspecify.annotations.Nullable;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Turns a fetched body into text with the charset the page declares: the
 * {@code Content-Type} header's first, then, for HTML and XML, the document's own
 * {@code <meta charset>} (or {@code http-equiv}), byte order mark or XML declaration,
 * which jsoup reads as browsers do. Anything else is UTF-8.
 */
final class PageDecoder {

	private PageDecoder() {
	}

	/**
	 * Decodes a body.
	 * @param body the body's bytes
	 * @param contentType the {@code Content-Type} header, if any
	 * @param uri where the body came from
	 * @return the text
	 */
	static String decode(byte[] body, @Nullable String contentType, URI uri) {
		MediaType type = mediaType(contentType);
		Charset declared = (type != null) ? type.getCharset() : null;
		if (declared != null) {
			return new String(body, declared);
		}
		if (type == null || type.getSubtype().contains("html") || type.getSubtype().contains("xml")) {
			return new String(body, declaredInside(body, uri));
		}
		return new String(body, StandardCharsets.UTF_8);
	}

	/**
	 * The header's media type, or {@code null} when there is none or it cannot be read,
	 * which includes a charset this JVM does not know: the document may still name one it
	 * knows.
	 */
	private static @Nullable MediaType mediaType(@Nullable String contentType) {
		if (contentType == null || contentType.isBlank()) {
			return null;
		}
		try {
			return MediaType.parseMediaType(contentType);
		}
		catch (InvalidMediaTypeException ex) {
			return null;
		}
	}

	private static Charset declaredInside(byte[] body, URI uri) {
		try {
			// jsoup falls back to UTF-8 when the document declares nothing.
			return Jsoup.parse(new ByteArrayInputStream(body), null, uri.toString()).charset();
		}
		catch (IOException ex) {
			// A byte array is read without I/O.
			throw new UncheckedIOException(ex);
		}
	}

}
