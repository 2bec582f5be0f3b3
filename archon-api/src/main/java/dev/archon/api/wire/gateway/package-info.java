/**
 * The bodies of archon-agentgen's OpenAI-compatible gateway
 * ({@code /v1/chat/completions}, {@code /v1/models}), in OpenAI's own shapes and member
 * names so that any OpenAI client reads them, and of its usage report
 * ({@code /api/v1/llm/usage}).
 */
@NullMarked
package dev.archon.api.wire.gateway;

import org.jspecify.annotations.NullMarked;
