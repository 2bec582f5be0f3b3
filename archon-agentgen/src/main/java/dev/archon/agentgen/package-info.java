/**
 * Archon's agent generator service.
 */
@NullMarked
package dev.archon.agentgen;

import org.jspecify.annotations.NullMarked;
