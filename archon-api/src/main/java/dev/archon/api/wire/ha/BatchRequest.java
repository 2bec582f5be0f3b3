package dev.archon.api.wire.ha;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * Service calls run in parallel: {@code POST /api/v1/ha/batch}.
 *
 * @param operations the calls
 * @param concurrency how many may run at once; bounded by the bridge's setting
 */
public record BatchRequest(@NotNull @NotEmpty List<@Valid @NotNull BatchOperation> operations,
		@Nullable Integer concurrency) {

}
