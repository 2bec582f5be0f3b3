/**
 * HTTP view of the LLM provider pool.
 */
@NullMarked
package dev.archon.agentgen.llm.web;

import org.jspecify.annotations.NullMarked;
