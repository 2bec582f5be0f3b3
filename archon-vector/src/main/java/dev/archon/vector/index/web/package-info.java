@NullMarked
package dev.archon.vector.index.web;

import org.jspecify.annotations.NullMarked;
