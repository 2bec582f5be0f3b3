package dev.archon.vector.index.web;

import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import dev.archon.api.wire.vector.IndexSummary;
import dev.archon.vector.VectorProperties;
import dev.archon.vector.index.IndexState;
import dev.archon.vector.index.Indexes;
import dev.archon.vector.index.NothingToIndex;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rebuilds the ANN index on demand, with lists sized to the rows of now; {@code type} and
 * {@code opclass} build another kind of index than the configured one until the next
 * automatic rebuild (the benchmark compares them this way).
 */
@RestController
class ReindexController {

	private final Indexes indexes;

	private final VectorProperties.Index settings;

	ReindexController(Indexes indexes, VectorProperties properties) {
		this.indexes = indexes;
		this.settings = properties.index();
	}

	@PostMapping("/api/v1/vector/reindex")
	IndexSummary reindex(
			@RequestParam(required = false) @Pattern(regexp = "ivfflat|hnsw",
					message = "must be ivfflat or hnsw") @Nullable String type,
			@RequestParam(required = false) @Pattern(regexp = "ip|cosine",
					message = "must be ip or cosine") @Nullable String opclass) {
		IndexState state = this.indexes.build(true, (type != null) ? type : this.settings.type(),
				(opclass != null) ? opclass : this.settings.opclass());
		if (state == null) {
			throw new NothingToIndex();
		}
		return new IndexSummary(state.name(), state.type(), state.lists(), state.rows(), state.opclass());
	}

}
