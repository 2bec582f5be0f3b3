package dev.archon.agentgen.llm;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import org.jspecify.annotations.Nullable;

/**
 * Classifies what langchain4j and the transport throw into the pool's failover rules.
 */
final class Failures {

	private Failures() {
	}

	static ProviderFailure classify(Throwable thrown, boolean tokensSeen) {
		if (thrown instanceof ProviderFailure failure) {
			return failure;
		}
		HttpException http = find(thrown, HttpException.class);
		FailureKind kind;
		Duration retryAfter = null;
		String message;
		if (http != null) {
			int status = http.statusCode();
			String body = (http.getMessage() != null) ? http.getMessage() : "";
			kind = forStatus(status, body);
			if (http instanceof RetryAfterHttpException withHeader) {
				retryAfter = withHeader.retryAfter();
			}
			message = "HTTP " + status + ": " + abbreviate(body);
		}
		else if (find(thrown, HttpTimeoutException.class) != null
				|| find(thrown, java.util.concurrent.TimeoutException.class) != null) {
			kind = FailureKind.TIMEOUT;
			message = "timed out";
		}
		else if (find(thrown, IOException.class) != null
				|| find(thrown, UnresolvedModelServerException.class) != null) {
			kind = FailureKind.TRANSIENT;
			message = "connection failed: " + abbreviate(String.valueOf(rootMessage(thrown)));
		}
		else {
			// Anything else (Anthropic's overloaded_error event after a 200, a malformed
			// stream) is the provider's trouble, not the caller's: fail over.
			kind = FailureKind.TRANSIENT;
			message = abbreviate(String.valueOf(rootMessage(thrown)));
		}
		if (tokensSeen && kind != FailureKind.CALLER_ERROR) {
			kind = FailureKind.MID_STREAM;
		}
		return new ProviderFailure(kind, message, retryAfter, thrown);
	}

	static int status(Throwable thrown) {
		HttpException http = find(thrown, HttpException.class);
		return (http != null) ? http.statusCode() : 400;
	}

	static FailureKind forStatus(int status, String body) {
		String text = body.toLowerCase(Locale.ROOT);
		if (status == 400 || status == 413 || status == 422) {
			boolean contextLength = text.contains("context_length") || text.contains("context length")
					|| text.contains("maximum context") || text.contains("prompt is too long")
					|| text.contains("too many tokens");
			return contextLength ? FailureKind.CONTEXT_LENGTH : FailureKind.CALLER_ERROR;
		}
		if (status == 401 || status == 403) {
			return FailureKind.AUTH;
		}
		if (status == 404) {
			return FailureKind.MODEL_NOT_FOUND;
		}
		if (status == 429 && (text.contains("insufficient_quota") || text.contains("quota exceeded")
				|| text.contains("credit balance"))) {
			return FailureKind.QUOTA;
		}
		if (status == 402) {
			return FailureKind.QUOTA;
		}
		return FailureKind.TRANSIENT;
	}

	private static <T extends Throwable> @Nullable T find(Throwable thrown, Class<T> type) {
		Throwable current = thrown;
		for (int depth = 0; current != null && depth < 10; depth++) {
			if (type.isInstance(current)) {
				return type.cast(current);
			}
			current = current.getCause();
		}
		return null;
	}

	private static @Nullable String rootMessage(Throwable thrown) {
		Throwable current = thrown;
		while (current.getCause() != null && current.getCause() != current) {
			current = current.getCause();
		}
		return (current.getMessage() != null) ? current.getMessage() : current.getClass().getSimpleName();
	}

	private static String abbreviate(String text) {
		return (text.length() > 300) ? text.substring(0, 300) + "…" : text;
	}

}
