@NullMarked
package dev.archon.sim;

import org.jspecify.annotations.NullMarked;
