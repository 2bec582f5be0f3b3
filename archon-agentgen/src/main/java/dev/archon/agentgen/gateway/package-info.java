/**
 * The provider pool as an OpenAI-compatible gateway: any OpenAI client, a generated agent
 * among them, asks the pool's aliases and inherits its failover, breakers and rate
 * limits; what each API key used is counted.
 */
@NullMarked
package dev.archon.agentgen.gateway;

import org.jspecify.annotations.NullMarked;
