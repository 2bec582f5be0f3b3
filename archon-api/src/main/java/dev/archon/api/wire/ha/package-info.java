/**
 * The bodies of archon-ha-bridge's API ({@code /api/v1/ha}), which the launcher, the
 * agents' tools, the benchmarks and the cluster tests read. Home Assistant's own objects
 * (states, targets, service data, automation configurations) travel as JSON trees, as
 * Home Assistant defines them.
 */
@NullMarked
package dev.archon.api.wire.ha;

import org.jspecify.annotations.NullMarked;
