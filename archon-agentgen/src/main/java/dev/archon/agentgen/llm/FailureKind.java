package dev.archon.agentgen.llm;

/**
 * What a failed call means for the pool.
 */
enum FailureKind {

	/** 408, 429, 5xx, 529, a lost connection: the next provider, at once. */
	TRANSIENT(true, "transient"),

	/** No token within the first-token timeout: the next provider, at once. */
	FIRST_TOKEN_TIMEOUT(true, "first-token-timeout"),

	/** The whole call took too long: the next provider. */
	TIMEOUT(true, "timeout"),

	/** 401, 403: our credentials are refused; a long cooldown, then the next provider. */
	AUTH(true, "auth"),

	/** 404 for the model: a long cooldown, then the next provider. */
	MODEL_NOT_FOUND(true, "model-not-found"),

	/** The account's quota is spent: a long cooldown, then the next provider. */
	QUOTA(true, "quota"),

	/** The prompt does not fit: a provider with a larger context, if any. */
	CONTEXT_LENGTH(true, "context-length"),

	/** 400, 413, 422: the request is wrong, and would be wrong anywhere. */
	CALLER_ERROR(false, "caller-error"),

	/** The stream broke after tokens arrived: the step starts again. */
	MID_STREAM(false, "mid-stream");

	private final boolean failsOver;

	private final String tag;

	FailureKind(boolean failsOver, String tag) {
		this.failsOver = failsOver;
		this.tag = tag;
	}

	boolean failsOver() {
		return this.failsOver;
	}

	boolean longCooldown() {
		return this == AUTH || this == MODEL_NOT_FOUND || this == QUOTA;
	}

	/**
	 * Whether the provider is to blame, so that its circuit breaker counts the call as
	 * failed.
	 */
	boolean providerFault() {
		return this != CALLER_ERROR && this != CONTEXT_LENGTH;
	}

	String tag() {
		return this.tag;
	}

}
