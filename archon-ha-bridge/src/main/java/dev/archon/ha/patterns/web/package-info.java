@NullMarked
package dev.archon.ha.patterns.web;

import org.jspecify.annotations.NullMarked;
