@NullMarked
package dev.archon.vector;

import org.jspecify.annotations.NullMarked;
