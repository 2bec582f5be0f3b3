package dev.archon.ha.control;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.archon.api.wire.ha.ServiceResult;

/**
 * Runs the operations of a batch in parallel, at most a bounded number at once, and
 * answers one outcome per operation, in order: one failing operation never fails the
 * others.
 */
public class Batches {

	private final ServiceCalls calls;

	private final int defaultConcurrency;

	private final int maxConcurrency;

	private final int maxOperations;

	Batches(ServiceCalls calls, int defaultConcurrency, int maxConcurrency, int maxOperations) {
		this.calls = calls;
		this.defaultConcurrency = defaultConcurrency;
		this.maxConcurrency = maxConcurrency;
		this.maxOperations = maxOperations;
	}

	/**
	 * Runs a batch.
	 * @param operations the operations, each possibly already invalid
	 * @param concurrency the parallelism asked for, or {@code null} for the default
	 * @return one outcome per operation, in order
	 */
	public List<Outcome> run(List<Operation> operations, @Nullable Integer concurrency) {
		if (operations.size() > this.maxOperations) {
			throw new InvalidServiceCall(
					"A batch holds at most " + this.maxOperations + " operations, not " + operations.size());
		}
		int parallelism = Math.max(1,
				Math.min(this.maxConcurrency, (concurrency != null) ? concurrency : this.defaultConcurrency));
		Semaphore permits = new Semaphore(parallelism);
		List<Future<Outcome>> futures = new ArrayList<>(operations.size());
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			for (Operation operation : operations) {
				futures.add(executor.submit(() -> {
					permits.acquire();
					try {
						return run(operation);
					}
					finally {
						permits.release();
					}
				}));
			}
			List<Outcome> outcomes = new ArrayList<>(operations.size());
			for (Future<Outcome> future : futures) {
				outcomes.add(await(future));
			}
			return outcomes;
		}
	}

	private Outcome run(Operation operation) {
		try {
			return new Outcome(this.calls.call(operation.call()), null);
		}
		catch (RuntimeException ex) {
			return new Outcome(null, ex);
		}
	}

	private static Outcome await(Future<Outcome> future) {
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Outcome(null, new IllegalStateException("Interrupted", ex));
		}
		catch (ExecutionException ex) {
			return new Outcome(null,
					(ex.getCause() instanceof RuntimeException runtime) ? runtime : new IllegalStateException(ex));
		}
	}

	/**
	 * One operation of a batch, made lazily so that an invalid one fails alone.
	 *
	 * @param factory makes the call, or throws when the operation is invalid
	 */
	public record Operation(Supplier<ServiceCall> factory) {

		ServiceCall call() {
			return this.factory.get();
		}

	}

	/**
	 * What became of one operation: exactly one of the two is set.
	 *
	 * @param result the result, when it succeeded
	 * @param failure why it failed, when it did
	 */
	public record Outcome(@Nullable ServiceResult result, @Nullable RuntimeException failure) {

	}

}
