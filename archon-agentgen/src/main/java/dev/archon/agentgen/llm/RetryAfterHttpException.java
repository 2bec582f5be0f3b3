package dev.archon.agentgen.llm;

import java.time.Duration;

import dev.langchain4j.exception.HttpException;
import org.jspecify.annotations.Nullable;

/**
 * An error status with the provider's {@code Retry-After}, which langchain4j's own
 * exceptions leave out.
 */
class RetryAfterHttpException extends HttpException {

	private final @Nullable Duration retryAfter;

	RetryAfterHttpException(int statusCode, String body, @Nullable Duration retryAfter) {
		super(statusCode, body);
		this.retryAfter = retryAfter;
	}

	@Nullable Duration retryAfter() {
		return this.retryAfter;
	}

}
