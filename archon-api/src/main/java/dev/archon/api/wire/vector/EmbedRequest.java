package dev.archon.api.wire.vector;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Texts to embed: {@code POST /api/v1/vector/embed}.
 *
 * @param texts 1 to 256 texts
 */
public record EmbedRequest(@NotEmpty @Size(max = 256) List<@NotNull @Size(max = 100_000) String> texts) {

}
