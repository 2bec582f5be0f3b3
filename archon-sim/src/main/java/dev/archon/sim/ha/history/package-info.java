/**
 * The recorder stand-in: history generated on demand from the demo home, plus the changes
 * made since the simulator started.
 */
@NullMarked
package dev.archon.sim.ha.history;

import org.jspecify.annotations.NullMarked;
