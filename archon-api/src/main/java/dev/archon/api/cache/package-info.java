/**
 * Redis as a shared layer that a service can do without: a circuit that stops asking
 * Redis for a while after it failed (so that no request waits for Lettuce's command
 * timeout while Redis is down) and asks again after, caches that answer from this
 * instance's memory while Redis is away and write to Redis again when it is back, and a
 * health indicator that reports the outage as {@code DEGRADED} rather than taking the
 * instance out of the load balancer.
 */
@NullMarked
package dev.archon.api.cache;

import org.jspecify.annotations.NullMarked;
