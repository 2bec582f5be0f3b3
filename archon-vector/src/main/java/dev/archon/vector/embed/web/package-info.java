@NullMarked
package dev.archon.vector.embed.web;

import org.jspecify.annotations.NullMarked;
