package dev.archon.api.wire.vector;

import java.util.List;

/**
 * What an ingestion stored.
 *
 * @param source the source
 * @param documents how many pages were stored
 * @param chunks how many chunks were stored
 * @param rejected the documents that were not stored, by index
 * @param timings how long each stage took, in milliseconds
 * @param chunksPerSecond chunks stored per second, embedding included
 */
public record IngestResponse(String source, int documents, int chunks, List<Rejected> rejected, Timings timings,
		double chunksPerSecond) {

	/**
	 * A document that was not stored.
	 *
	 * @param index its place in the request, from 0
	 * @param reason why
	 */
	public record Rejected(int index, String reason) {

	}

	/**
	 * Stage times; stages overlap, so they may add up to more than the total.
	 *
	 * @param chunkingMs chunking
	 * @param embeddingMs embedding
	 * @param storingMs storing
	 * @param totalMs the whole request
	 */
	public record Timings(long chunkingMs, long embeddingMs, long storingMs, long totalMs) {

	}

}
