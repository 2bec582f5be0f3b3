/**
 * Records every response that an application under test sends, headers and body, so that
 * the secrets scan can read what the test suite received.
 */
@NullMarked
package dev.archon.test.responses;

import org.jspecify.annotations.NullMarked;
