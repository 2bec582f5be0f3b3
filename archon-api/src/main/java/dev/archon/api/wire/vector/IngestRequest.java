package dev.archon.api.wire.vector;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Pages to store: {@code POST /api/v1/vector/documents}. The documents are checked one by
 * one so that a bad one is reported by its index.
 *
 * @param source the source to store them into, such as {@code pydantic_ai_docs}
 * @param documents the pages
 * @param partial whether to store the valid documents when some are not
 */
public record IngestRequest(@NotBlank @Size(max = 200) String source, @NotNull List<@Nullable DocumentInput> documents,
		@Nullable Boolean partial) {

	/**
	 * One page.
	 *
	 * @param url where it lives
	 * @param title its title, if known
	 * @param content its Markdown
	 * @param metadata what to store with it
	 */
	public record DocumentInput(@Nullable String url, @Nullable String title, @Nullable String content,
			@Nullable Map<String, Object> metadata) {

	}

}
