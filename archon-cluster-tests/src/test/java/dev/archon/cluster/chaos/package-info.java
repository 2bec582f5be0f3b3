/**
 * The fault suite: each scenario breaks one real part of the local cluster under a steady
 * mixed load and counts what the users of the cluster saw, and what work was lost.
 */
@NullMarked
package dev.archon.cluster.chaos;

import org.jspecify.annotations.NullMarked;
