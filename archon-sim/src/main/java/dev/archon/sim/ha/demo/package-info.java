/**
 * The demo home: entities with areas, generated from a seed, and the daily routines
 * planted in their history.
 */
@NullMarked
package dev.archon.sim.ha.demo;

import org.jspecify.annotations.NullMarked;
