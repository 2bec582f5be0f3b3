/**
 * Titles and summaries of chunks: the chunker's headings and first sentences, or an LLM's
 * when one is configured.
 */
@NullMarked
package dev.archon.vector.summary;

import org.jspecify.annotations.NullMarked;
