/**
 * Leases on the rows of a work queue in PostgreSQL: the instance that claims a row (with
 * {@code FOR UPDATE SKIP LOCKED} and a {@code lease_until}) keeps it alive while it
 * works, so that the row of an instance that died is claimed again once its lease runs
 * out.
 * <p>
 * What is shared is the keeping: the timer, its period, what a lost lease and a failed
 * renewal mean. The claim and renewal statements stay in each queue's repository, written
 * out: each claim returns its own columns and does its own work in the same statement
 * (the job queue also counts the attempt and stores its first event), and the SQL a
 * reader sees there is the SQL PostgreSQL runs.
 */
@NullMarked
package dev.archon.api.lease;

import org.jspecify.annotations.NullMarked;
