@NullMarked
package dev.archon.api.wire;

import org.jspecify.annotations.NullMarked;
