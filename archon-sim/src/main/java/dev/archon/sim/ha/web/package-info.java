/**
 * Home Assistant REST API and the simulator control endpoints.
 */
@NullMarked
package dev.archon.sim.ha.web;

import org.jspecify.annotations.NullMarked;
