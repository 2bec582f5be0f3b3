@NullMarked
package dev.archon.ha.state;

import org.jspecify.annotations.NullMarked;
