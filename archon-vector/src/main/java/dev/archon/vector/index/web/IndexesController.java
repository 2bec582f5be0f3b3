package dev.archon.vector.index.web;

import java.util.List;

import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import dev.archon.api.wire.vector.IndexSummary;
import dev.archon.vector.VectorProperties;
import dev.archon.vector.index.IndexState;
import dev.archon.vector.index.Indexes;
import dev.archon.vector.index.NothingToIndex;
import dev.archon.vector.index.RecallCurve;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ANN index: which one searches use, at which probes or ef_search and with what
 * measured recall; and its rebuild on demand, with lists sized to the rows of now, where
 * {@code type} and {@code opclass} build another kind of index than the configured one
 * until the next automatic rebuild (the benchmark compares them this way).
 */
@RestController
class IndexesController {

	private final Indexes indexes;

	private final VectorProperties.Index settings;

	IndexesController(Indexes indexes, VectorProperties properties) {
		this.indexes = indexes;
		this.settings = properties.index();
	}

	@GetMapping("/api/v1/vector/indexes")
	List<IndexSummary> indexes() {
		IndexState state = this.indexes.current();
		return (state != null) ? List.of(summary(state)) : List.of();
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
		return summary(state);
	}

	private IndexSummary summary(IndexState state) {
		RecallCurve curve = state.recall();
		List<IndexSummary.RecallPoint> points = (curve != null) ? curve.points()
			.stream()
			.map((point) -> new IndexSummary.RecallPoint(point.setting(), point.recall()))
			.toList() : List.of();
		return new IndexSummary(state.name(), state.type(), state.lists(), state.rows(), state.opclass(),
				state.parameter(), state.searchSetting(this.settings), this.settings.targetRecall(),
				(curve != null) ? curve.chosen().recall() : null, points);
	}

}
