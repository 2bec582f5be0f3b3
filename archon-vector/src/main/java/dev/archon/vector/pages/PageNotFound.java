package dev.archon.vector.pages;

/**
 * No page with the given URL is stored.
 */
public class PageNotFound extends RuntimeException {

	private final String url;

	public PageNotFound(String url) {
		super("No page with the URL " + url + " is stored.");
		this.url = url;
	}

	public String url() {
		return this.url;
	}

}
