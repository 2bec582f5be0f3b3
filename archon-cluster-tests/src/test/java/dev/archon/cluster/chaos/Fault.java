package dev.archon.cluster.chaos;

import java.time.Duration;
import java.util.List;

/**
 * One scenario of the suite: what breaks, what must hold while it is broken, and how it
 * is repaired.
 */
interface Fault {

	/** The error rate tolerated when nothing is meant to fail: issue 12's 1 %. */
	double TOLERATED_ERROR_RATE = 0.01;

	String name();

	/**
	 * How long the fault lasts.
	 * @param mode quick or full
	 * @return its duration
	 */
	default Duration outage(Mode mode) {
		return mode.outage();
	}

	void inject(Cluster cluster) throws Exception;

	/**
	 * Runs while the fault holds, which is for {@code outage} or as long as this takes;
	 * probes what must hold, and adds a line to {@code violations} for each thing that
	 * does not.
	 * @param cluster the cluster
	 * @param api the API, whose {@link Api#sendOnce} sends the probes uncounted
	 * @param outage how long the fault lasts
	 * @param violations where to say what did not hold
	 */
	default void whileBroken(Cluster cluster, Api api, Duration outage, List<String> violations) throws Exception {
	}

	void heal(Cluster cluster) throws Exception;

	/**
	 * Checks, once the fault is repaired and the load has run on for a while, that the
	 * cluster came back on its own.
	 * @param cluster the cluster
	 * @param api the API
	 * @param violations where to say what did not come back
	 */
	default void afterRecovery(Cluster cluster, Api api, List<String> violations) throws Exception {
	}

	/**
	 * Whether the fault takes away something some requests cannot do without (a database,
	 * a search index, Home Assistant), so that they may fail while it lasts. Their
	 * failures are then bounded by the outage's share of the run rather than by
	 * {@link #TOLERATED_ERROR_RATE}.
	 * @return whether requests fail by design while the fault lasts
	 */
	default boolean failsRequestsByDesign() {
		return false;
	}

}
