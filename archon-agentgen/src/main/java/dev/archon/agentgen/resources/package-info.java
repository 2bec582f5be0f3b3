/**
 * The library of example agents, tools and MCP server configurations that the advisor
 * reads.
 */
@NullMarked
package dev.archon.agentgen.resources;

import org.jspecify.annotations.NullMarked;
