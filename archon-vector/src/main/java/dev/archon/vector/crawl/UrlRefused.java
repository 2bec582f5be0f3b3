package dev.archon.vector.crawl;

import java.net.URI;

/**
 * The crawler refuses to fetch a URL.
 */
public class UrlRefused extends RuntimeException {

	public UrlRefused(URI uri, String reason) {
		this(uri.toString(), reason);
	}

	/**
	 * Creates a refusal.
	 * @param subject what is refused: a URL, or the host and port of a connection
	 * @param reason why
	 */
	UrlRefused(String subject, String reason) {
		super(subject + " is refused: " + reason);
	}

}
