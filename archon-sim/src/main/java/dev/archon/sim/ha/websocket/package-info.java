/**
 * Home Assistant WebSocket API.
 */
@NullMarked
package dev.archon.sim.ha.websocket;

import org.jspecify.annotations.NullMarked;
