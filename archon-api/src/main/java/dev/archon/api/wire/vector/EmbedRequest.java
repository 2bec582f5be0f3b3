package dev.archon.api.wire.vector;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/**
 * Texts to embed: {@code POST /api/v1/vector/embed}.
 *
 * @param texts 1 to 256 texts, none blank: a blank text means nothing to the model
 */
public record EmbedRequest(@NotEmpty @Size(max = 256) List<@NotBlank @Size(max = 100_000) String> texts) {

}
