/**
 * A Home Assistant stand-in: its state machine, event bus, services, automations and
 * fault injection, spoken over the same REST and WebSocket APIs as the real thing.
 */
@NullMarked
package dev.archon.sim.ha;

import org.jspecify.annotations.NullMarked;
