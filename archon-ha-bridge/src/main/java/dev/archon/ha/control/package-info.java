@NullMarked
package dev.archon.ha.control;

import org.jspecify.annotations.NullMarked;
