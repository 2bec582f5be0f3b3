/**
 * What every Archon service shares: the wire, errors, authentication, request ids and the
 * conventions its metrics and logs follow.
 */
@NullMarked
package dev.archon.api;

import org.jspecify.annotations.NullMarked;
