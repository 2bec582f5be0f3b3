/**
 * Generates hostile input for every part of a request (bodies, path segments, query
 * values, headers) and checks that a service answers it as an API should: never with a
 * server error, never with a trace of its insides, always with a problem document.
 */
@NullMarked
package dev.archon.test.hostile;

import org.jspecify.annotations.NullMarked;
