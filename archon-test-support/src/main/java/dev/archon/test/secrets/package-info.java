/**
 * The secrets the test suite uses, in one registry, and the scan that proves none of them
 * reached a log line or a response that the suite produced.
 */
@NullMarked
package dev.archon.test.secrets;

import org.jspecify.annotations.NullMarked;
