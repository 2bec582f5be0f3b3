@NullMarked
package dev.archon.api.client;

import org.jspecify.annotations.NullMarked;
