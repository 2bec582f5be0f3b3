package dev.archon.vector.index.web;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.archon.api.problem.ProblemType;
import dev.archon.api.problem.Problems;
import dev.archon.vector.VectorProperties;
import dev.archon.vector.index.IndexState;
import dev.archon.vector.index.Indexes;

import org.springframework.http.ResponseEntity;
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

	private static final Set<String> TYPES = Set.of("ivfflat", "hnsw");

	private static final Set<String> OPCLASSES = Set.of("ip", "cosine");

	private final Indexes indexes;

	private final VectorProperties.Index settings;

	ReindexController(Indexes indexes, VectorProperties properties) {
		this.indexes = indexes;
		this.settings = properties.index();
	}

	@PostMapping("/api/v1/vector/reindex")
	ResponseEntity<?> reindex(@RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String opclass) {
		String chosenType = (type != null) ? type : this.settings.type();
		String chosenOpclass = (opclass != null) ? opclass : this.settings.opclass();
		if (!TYPES.contains(chosenType) || !OPCLASSES.contains(chosenOpclass)) {
			return ResponseEntity.badRequest()
				.body(Problems.of(ProblemType.VALIDATION, "type must be ivfflat or hnsw, opclass ip or cosine"));
		}
		IndexState state = this.indexes.build(true, chosenType, chosenOpclass);
		if (state == null) {
			return ResponseEntity.status(ProblemType.CONFLICT.status())
				.body(Problems.of(ProblemType.CONFLICT, "There are no rows to index yet"));
		}
		return ResponseEntity.ok(state);
	}

}
