@NullMarked
package dev.archon.vector.ingest.web;

import org.jspecify.annotations.NullMarked;
