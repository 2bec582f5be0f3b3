@NullMarked
package dev.archon.ha.state.web;

import org.jspecify.annotations.NullMarked;
