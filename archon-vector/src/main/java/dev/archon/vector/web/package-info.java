/**
 * What the service's HTTP adapters share: the mapping of its domain exceptions to
 * problems.
 */
@NullMarked
package dev.archon.vector.web;

import org.jspecify.annotations.NullMarked;
