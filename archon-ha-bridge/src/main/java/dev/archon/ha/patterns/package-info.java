@NullMarked
package dev.archon.ha.patterns;

import org.jspecify.annotations.NullMarked;
