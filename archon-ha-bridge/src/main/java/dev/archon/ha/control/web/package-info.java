@NullMarked
package dev.archon.ha.control.web;

import org.jspecify.annotations.NullMarked;
