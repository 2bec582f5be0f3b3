package dev.archon.vector.pages;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Says in one line why the service refused to start, rather than a stack trace.
 */
class DimensionMismatchFailureAnalyzer extends AbstractFailureAnalyzer<DimensionMismatch> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DimensionMismatch cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Configure a model of the column's dimension, or migrate site_pages to the new dimension "
						+ "(and re-ingest) before switching models.",
				cause);
	}

}
