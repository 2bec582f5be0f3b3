package dev.archon.api.wire.vector;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A semantic search of the documentation store: {@code POST /api/v1/vector/search}.
 *
 * @param query what to look for, in plain words
 * @param source only chunks of this source (such as {@code pydantic_ai_docs}), or all
 * @param limit how many results at most, 1 to 50 (5 when absent)
 * @param minScore the lowest cosine similarity to return
 * @param probes how many ivfflat lists to search, to trade speed for recall on this query
 */
public record SearchRequest(@NotBlank @Size(max = 2000) String query, @Nullable @Size(max = 200) String source,
		@Nullable @Min(1) @Max(50) Integer limit, @Nullable @DecimalMin("-1.0") @DecimalMax("1.0") Double minScore,
		@Nullable @Min(1) @Max(10000) Integer probes) {

	/** How many results a search returns when it does not say. */
	public static final int DEFAULT_LIMIT = 5;

	public int limitOrDefault() {
		return (this.limit != null) ? this.limit : DEFAULT_LIMIT;
	}

}
