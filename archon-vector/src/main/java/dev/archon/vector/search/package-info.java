@NullMarked
package dev.archon.vector.search;

import org.jspecify.annotations.NullMarked;
