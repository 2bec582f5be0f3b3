/**
 * The request and response bodies of archon-vector's API, shared by its controllers, the
 * services that call it (the agent generator's retrieval step) and the tests.
 */
@NullMarked
package dev.archon.api.wire.vector;

import org.jspecify.annotations.NullMarked;
