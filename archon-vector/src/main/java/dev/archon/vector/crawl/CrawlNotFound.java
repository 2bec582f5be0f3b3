package dev.archon.vector.crawl;

import java.util.UUID;

/**
 * No crawl has the given id.
 */
public class CrawlNotFound extends RuntimeException {

	private final UUID id;

	public CrawlNotFound(UUID id) {
		super("No crawl has the id " + id + ".");
		this.id = id;
	}

	public UUID id() {
		return this.id;
	}

}
