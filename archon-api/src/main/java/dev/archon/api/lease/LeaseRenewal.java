package dev.archon.api.lease;

import java.time.Duration;
import java.util.UUID;

/**
 * Extends one lease in the queue's own table, with SQL the queue's repository writes out:
 * {@code UPDATE … SET lease_until = now() + :lease WHERE id = :id AND lease_owner = :owner
 * AND status = 'running'}.
 */
@FunctionalInterface
public interface LeaseRenewal {

	/**
	 * Extends a lease if its owner still holds it.
	 * @param id the claimed row
	 * @param owner who claimed it
	 * @param lease how long from now the lease lasts
	 * @return {@code false} when the owner no longer holds the row: its lease ran out and
	 * another instance claimed it, or the row was finished or cancelled
	 */
	boolean renew(UUID id, String owner, Duration lease);

}
