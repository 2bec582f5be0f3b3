package dev.archon.vector.crawl;

import java.net.URI;

/**
 * The crawler refuses to fetch a URL.
 */
public class UrlRefused extends RuntimeException {

	public UrlRefused(URI uri, String reason) {
		super(uri + " is refused: " + reason);
	}

}
