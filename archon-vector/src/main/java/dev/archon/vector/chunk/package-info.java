@NullMarked
package dev.archon.vector.chunk;

import org.jspecify.annotations.NullMarked;
