package dev.archon.vector.ingest.web;

/**
 * An ingestion request carries more documents than one request may.
 */
public class TooManyDocuments extends RuntimeException {

	TooManyDocuments(int max, int given) {
		super("A request may carry at most " + max + " documents, this one has " + given + ".");
	}

}
