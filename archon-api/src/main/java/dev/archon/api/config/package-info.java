@NullMarked
package dev.archon.api.config;

import org.jspecify.annotations.NullMarked;
