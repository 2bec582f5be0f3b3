package dev.archon.sim.llm;

/**
 * Simulated model latency of one provider.
 *
 * @param fixedMs time before the first byte of every answer
 * @param perTokenMs time per completion token, spread over the streamed pieces
 */
public record Latency(long fixedMs, long perTokenMs) {

	/** No latency at all: the simulator answers as fast as it can. */
	public static final Latency NONE = new Latency(0, 0);

}
