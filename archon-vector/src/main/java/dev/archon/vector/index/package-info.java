@NullMarked
package dev.archon.vector.index;

import org.jspecify.annotations.NullMarked;
