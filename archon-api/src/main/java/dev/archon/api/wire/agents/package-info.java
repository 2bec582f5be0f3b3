/**
 * The bodies of archon-agentgen's API: generation requests and jobs, their versions and
 * events, and the state of the LLM provider pool.
 */
@NullMarked
package dev.archon.api.wire.agents;

import org.jspecify.annotations.NullMarked;
