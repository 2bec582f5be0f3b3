package dev.archon.vector.ingest;

/**
 * What an ingestion stored and how long each stage took. Stages overlap (pages are stored
 * while later ones are embedded), so their times add up to more than the total.
 *
 * @param documents how many pages were stored
 * @param chunks how many chunks were stored
 * @param chunkingMs time spent chunking
 * @param embeddingMs time spent embedding
 * @param storingMs time spent storing
 * @param totalMs wall-clock time of the whole ingestion
 * @param chunksPerSecond chunks stored per second of wall-clock time
 */
public record IngestionReport(int documents, int chunks, long chunkingMs, long embeddingMs, long storingMs,
		long totalMs, double chunksPerSecond) {

}
