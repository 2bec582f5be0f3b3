/**
 * The problems that answer the bridge's failures, for the web layer's advice and for the
 * per-operation results of a batch alike.
 */
@NullMarked
package dev.archon.ha.problem;

import org.jspecify.annotations.NullMarked;
