@NullMarked
package dev.archon.api.security;

import org.jspecify.annotations.NullMarked;
