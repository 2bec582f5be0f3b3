package dev.archon.vector.pages;

/**
 * No page of the named source is stored.
 */
public class SourceNotFound extends RuntimeException {

	private final String source;

	public SourceNotFound(String source) {
		super("No page of the source '" + source + "' is stored.");
		this.source = source;
	}

	public String source() {
		return this.source;
	}

}
