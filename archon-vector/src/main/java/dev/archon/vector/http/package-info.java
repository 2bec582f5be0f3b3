/**
 * langchain4j's OpenAI-compatible models on Spring's {@code RestClient}, so that their
 * calls are observed like every other outbound call of the service.
 */
@NullMarked
package dev.archon.vector.http;

import org.jspecify.annotations.NullMarked;
