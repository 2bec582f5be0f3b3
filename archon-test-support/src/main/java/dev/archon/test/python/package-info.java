/**
 * Runs the Python tools of an agent ({@code agent_tools.py}) with python3, the way
 * Pydantic AI calls them, for tests that prove a tool against real endpoints.
 */
@NullMarked
package dev.archon.test.python;

import org.jspecify.annotations.NullMarked;
