/**
 * The bodies of archon-vector's API that other services (the agent generator's retrieval
 * step) read and write.
 */
@NullMarked
package dev.archon.api.wire.vector;

import org.jspecify.annotations.NullMarked;
