/**
 * HTTP adapters of the simulated LLM providers: the OpenAI- and Anthropic-compatible wire
 * protocols, and the {@code /_sim/llm} control endpoints.
 */
@NullMarked
package dev.archon.sim.llm.web;

import org.jspecify.annotations.NullMarked;
