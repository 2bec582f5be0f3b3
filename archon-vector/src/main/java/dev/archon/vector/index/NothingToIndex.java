package dev.archon.vector.index;

/**
 * An index was asked for while the table holds no rows: ivfflat sizes its lists by the
 * rows, so there is nothing to build it from yet.
 */
public class NothingToIndex extends RuntimeException {

	public NothingToIndex() {
		super("There are no rows to index yet: ingest documents first.");
	}

}
