@NullMarked
package dev.archon.vector.pages.web;

import org.jspecify.annotations.NullMarked;
