@NullMarked
package dev.archon.ha;

import org.jspecify.annotations.NullMarked;
