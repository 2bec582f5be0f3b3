package dev.archon.api.trace;

import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The request id that ties together a request's log lines, its answer and the calls it
 * makes to other services.
 */
public final class RequestIds {

	/** The header that carries the id in and out of every service. */
	public static final String HEADER = "X-Request-Id";

	/** The MDC key under which log lines carry the id. */
	public static final String MDC_KEY = "requestId";

	private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	private RequestIds() {
	}

	/**
	 * The id of the request this thread is handling.
	 * @return the id, or {@code null} outside a request
	 */
	public static @Nullable String current() {
		return MDC.get(MDC_KEY);
	}

	/**
	 * Keeps an id that a client or NGINX sent when it is safe to put in logs and headers,
	 * and makes a new one otherwise.
	 * @param presented the id that came with the request, possibly {@code null}
	 * @return the id to use for the request
	 */
	public static String acceptOrCreate(@Nullable String presented) {
		if (presented != null && ACCEPTABLE.matcher(presented).matches()) {
			return presented;
		}
		return UUID.randomUUID().toString();
	}

}
