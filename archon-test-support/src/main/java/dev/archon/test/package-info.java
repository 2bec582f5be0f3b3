/**
 * Gives integration tests the real PostgreSQL (with pgvector) and Redis they need.
 */
@NullMarked
package dev.archon.test;

import org.jspecify.annotations.NullMarked;
