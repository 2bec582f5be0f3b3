/**
 * The generation pipeline: scope, advisor, retrieval, coder, refiners and validation.
 */
@NullMarked
package dev.archon.agentgen.pipeline;

import org.jspecify.annotations.NullMarked;
