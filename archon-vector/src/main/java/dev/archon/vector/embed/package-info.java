@NullMarked
package dev.archon.vector.embed;

import org.jspecify.annotations.NullMarked;
