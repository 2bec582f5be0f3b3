/**
 * The request id that follows a request through logs, answers and calls to other
 * services. Below both the web filters and the problem writers, which each use it.
 */
@NullMarked
package dev.archon.api.trace;

import org.jspecify.annotations.NullMarked;
