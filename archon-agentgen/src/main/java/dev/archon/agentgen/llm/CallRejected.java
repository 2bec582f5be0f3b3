package dev.archon.agentgen.llm;

/**
 * A provider refused the request itself (400, 413, 422): it would fail anywhere, so the
 * pool does not fail over.
 */
public class CallRejected extends RuntimeException {

	private final String provider;

	private final int status;

	CallRejected(String provider, int status, String message, Throwable cause) {
		super(message, cause);
		this.provider = provider;
		this.status = status;
	}

	public String provider() {
		return this.provider;
	}

	public int status() {
		return this.status;
	}

}
