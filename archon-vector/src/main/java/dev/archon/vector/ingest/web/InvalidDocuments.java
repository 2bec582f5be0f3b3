package dev.archon.vector.ingest.web;

import java.util.List;

import dev.archon.api.wire.vector.IngestResponse.Rejected;

/**
 * Some documents of an ingestion request are not valid, and the request did not ask to
 * store the valid ones alone, so nothing was stored.
 */
public class InvalidDocuments extends RuntimeException {

	private final List<Rejected> rejected;

	InvalidDocuments(List<Rejected> rejected, int given) {
		super(rejected.size() + " of " + given + " documents are not valid; nothing was stored "
				+ "(send \"partial\": true to store the valid ones)");
		this.rejected = List.copyOf(rejected);
	}

	/**
	 * The documents that are not valid, by index, and why.
	 * @return the rejected documents
	 */
	public List<Rejected> rejected() {
		return this.rejected;
	}

}
