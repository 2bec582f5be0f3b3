/**
 * The built-in composer: works out from a description what an agent must do (a
 * {@link dev.archon.agentgen.compose.Plan}), chooses the library's tools by meaning, and
 * writes the Pydantic AI agent that carries the plan out, with no model.
 */
@NullMarked
package dev.archon.agentgen.compose;

import org.jspecify.annotations.NullMarked;
