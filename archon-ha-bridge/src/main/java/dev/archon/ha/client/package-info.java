@NullMarked
package dev.archon.ha.client;

import org.jspecify.annotations.NullMarked;
