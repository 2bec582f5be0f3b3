@NullMarked
package dev.archon.vector.search.web;

import org.jspecify.annotations.NullMarked;
