package dev.archon.vector.chunk;

/**
 * A piece of a document small enough to embed well.
 *
 * @param number its place in the document, from 0
 * @param title the heading it falls under, or the document's title
 * @param summary its first sentences of prose
 * @param content its text: the tail of the previous chunk (the overlap), then its own
 * part
 * @param start where its own part starts in the document
 * @param end where its own part ends in the document (exclusive)
 */
public record Chunk(int number, String title, String summary, String content, int start, int end) {

	/**
	 * The chunk's own part, without the overlap: the own parts of a document's chunks,
	 * joined, are the document.
	 * @return the own part
	 */
	public String own() {
		return this.content.substring(this.content.length() - (this.end - this.start));
	}

}
