@NullMarked
package dev.archon.vector.pages;

import org.jspecify.annotations.NullMarked;
