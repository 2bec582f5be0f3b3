@NullMarked
package dev.archon.ha.web;

import org.jspecify.annotations.NullMarked;
