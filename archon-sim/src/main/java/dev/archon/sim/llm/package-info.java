/**
 * Simulated LLM providers: deterministic answers for each step of the agent-generation
 * pipeline, and the run-time latency and fault settings that the provider pool's failover
 * is tested against.
 */
@NullMarked
package dev.archon.sim.llm;

import org.jspecify.annotations.NullMarked;
