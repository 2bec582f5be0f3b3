package dev.archon.vector.crawl;

import java.time.Duration;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

import dev.archon.vector.crawl.Fetcher.FetchFailed;

/**
 * When the crawler fetches again: after a transient failure (no answer, a 429 or a 5xx),
 * as often as configured. The pause grows exponentially from a base, spread by a random
 * half of itself so that the pages of a crawl that failed together do not come back
 * together; a server's {@code Retry-After} replaces it. A server that asks for a longer
 * pause than the crawler waits is not asked again at all, since asking earlier than it
 * said would only be refused again.
 */
final class FetchRetries {

	private static final double MULTIPLIER = 2.0;

	private static final double RANDOMIZATION = 0.5;

	private FetchRetries() {
	}

	/**
	 * Creates the retry of the crawler's fetches.
	 * @param retries how often a failed fetch is tried again
	 * @param backoff the pause before the first retry
	 * @param maxRetryAfter the longest {@code Retry-After} waited for
	 * @return the retry
	 */
	static Retry of(int retries, Duration backoff, Duration maxRetryAfter) {
		IntervalFunction backoffs = IntervalFunction.ofExponentialRandomBackoff(backoff, MULTIPLIER, RANDOMIZATION);
		RetryConfig config = RetryConfig.custom()
			.maxAttempts(retries + 1)
			.retryOnException((ex) -> ex instanceof FetchFailed failed && failed.retryable()
					&& (failed.retryAfter() == null || failed.retryAfter().compareTo(maxRetryAfter) <= 0))
			.intervalBiFunction((attempt, outcome) -> {
				Duration asked = (outcome.isLeft() && outcome.getLeft() instanceof FetchFailed failed)
						? failed.retryAfter() : null;
				return (asked != null) ? asked.toMillis() : backoffs.apply(attempt);
			})
			.build();
		return Retry.of("crawler", config);
	}

}
