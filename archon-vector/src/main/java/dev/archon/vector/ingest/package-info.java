@NullMarked
package dev.archon.vector.ingest;

import org.jspecify.annotations.NullMarked;
