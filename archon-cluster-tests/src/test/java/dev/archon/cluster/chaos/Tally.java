package dev.archon.cluster.chaos;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the load's requests met: one request counts once however often it was sent again.
 */
final class Tally {

	/** Enough failures to see their kinds without drowning the report. */
	private static final int SAMPLES = 8;

	private final LongAdder sent = new LongAdder();

	private final LongAdder failed = new LongAdder();

	private final LongAdder retried = new LongAdder();

	private final AtomicInteger sampled = new AtomicInteger();

	private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

	void sent() {
		this.sent.increment();
	}

	void retried() {
		this.retried.increment();
	}

	void failed(String what) {
		this.failed.increment();
		if (this.sampled.getAndIncrement() < SAMPLES) {
			this.failures.add(what);
		}
	}

	long sentCount() {
		return this.sent.sum();
	}

	long failedCount() {
		return this.failed.sum();
	}

	long retriedCount() {
		return this.retried.sum();
	}

	List<String> sampleOfFailures() {
		return List.copyOf(this.failures);
	}

}
