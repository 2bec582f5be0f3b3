package dev.archon.sim.llm.web;

import dev.archon.sim.llm.Provider;

/**
 * An answer in one provider's protocol, before faults and latency are applied to it.
 */
interface Reply {

	Provider provider();

	boolean streaming();

	int completionTokens();

	/**
	 * The whole answer as one JSON document.
	 */
	byte[] body();

	/**
	 * The answer as events; only called when {@link #streaming()}.
	 */
	SseStream stream();

}
