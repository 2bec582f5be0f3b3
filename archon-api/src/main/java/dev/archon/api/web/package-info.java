@NullMarked
package dev.archon.api.web;

import org.jspecify.annotations.NullMarked;
