package dev.archon.vector.pages;

/**
 * The configured embedding model makes vectors of another dimension than the table
 * stores: mixing them would make every search wrong, so the service does not start.
 */
class DimensionMismatch extends RuntimeException {

	DimensionMismatch(String model, int modelDimension, String columnType) {
		super("The embedding model " + model + " makes " + modelDimension + "-dimensional vectors but "
				+ "site_pages.embedding is " + columnType + "; switching models needs an explicit migration");
	}

}
