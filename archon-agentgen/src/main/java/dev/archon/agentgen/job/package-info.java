/**
 * Generation jobs: storage, claiming with leases, workers, events and the result cache.
 */
@NullMarked
package dev.archon.agentgen.job;

import org.jspecify.annotations.NullMarked;
