package dev.archon.api.wire.agents;

import java.util.List;

/**
 * The LLM provider pool, in the order it tries them: {@code GET /api/v1/llm/providers}.
 *
 * @param providers each provider
 */
public record ProviderList(List<ProviderState> providers) {

}
