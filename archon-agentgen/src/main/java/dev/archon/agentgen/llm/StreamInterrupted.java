package dev.archon.agentgen.llm;

/**
 * A provider's stream broke after it had produced tokens. The pool does not quietly
 * continue elsewhere with half an answer: the caller restarts its step, and says so.
 */
public class StreamInterrupted extends RuntimeException {

	private final String provider;

	StreamInterrupted(String provider, String message, Throwable cause) {
		super(message, cause);
		this.provider = provider;
	}

	public String provider() {
		return this.provider;
	}

}
