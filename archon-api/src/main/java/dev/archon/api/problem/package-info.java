@NullMarked
package dev.archon.api.problem;

import org.jspecify.annotations.NullMarked;
