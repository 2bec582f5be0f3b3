package dev.archon.agentgen.job;

import java.util.List;
import java.util.Map;

import dev.archon.api.wire.agents.GroundingPage;
import org.jspecify.annotations.Nullable;

/**
 * A generation kept in the result cache.
 *
 * @param files the files
 * @param validation the validation report, as JSON
 * @param grounded whether it was grounded in documentation
 * @param pages the documentation pages retrieved for it
 */
record CachedResult(Map<String, String> files, String validation, boolean grounded, List<GroundingPage> pages) {

	CachedResult(Map<String, String> files, String validation, boolean grounded, @Nullable List<GroundingPage> pages) {
		this.files = files;
		this.validation = validation;
		this.grounded = grounded;
		// Results cached before pages were kept have none.
		this.pages = (pages != null) ? List.copyOf(pages) : List.of();
	}

}
