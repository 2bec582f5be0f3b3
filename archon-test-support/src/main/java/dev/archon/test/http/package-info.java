/**
 * Sends requests exactly as written, and spells a path every way an attacker would, for
 * the tests that prove no spelling of a path gets past authentication.
 */
@NullMarked
package dev.archon.test.http;

import org.jspecify.annotations.NullMarked;
