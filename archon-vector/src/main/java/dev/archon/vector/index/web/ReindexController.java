package dev.archon.vector.index.web;

import dev.archon.api.problem.ProblemType;
import dev.archon.api.problem.Problems;
import dev.archon.vector.index.IndexState;
import dev.archon.vector.index.Indexes;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rebuilds the ANN index on demand, with lists sized to the rows of now.
 */
@RestController
class ReindexController {

	private final Indexes indexes;

	ReindexController(Indexes indexes) {
		this.indexes = indexes;
	}

	@PostMapping("/api/v1/vector/reindex")
	ResponseEntity<?> reindex() {
		IndexState state = this.indexes.build(true);
		if (state == null) {
			return ResponseEntity.status(ProblemType.CONFLICT.status())
				.body(Problems.of(ProblemType.CONFLICT, "There are no rows to index yet"));
		}
		return ResponseEntity.ok(state);
	}

}
