package dev.archon.sim.llm.web;

import java.util.List;

/**
 * A streamed answer, encoded in advance as Server-Sent Events so that the total length is
 * known (for {@code drop-mid-stream}) and writing is only copying bytes.
 *
 * @param head the events before the first token (OpenAI's role chunk; Anthropic's
 * message_start, content_block_start and ping)
 * @param pieces one event per piece of text
 * @param tail the events after the last token
 */
record SseStream(List<byte[]> head, List<byte[]> pieces, List<byte[]> tail) {

	long length() {
		return length(this.head) + length(this.pieces) + length(this.tail);
	}

	private static long length(List<byte[]> events) {
		long length = 0;
		for (byte[] event : events) {
			length += event.length;
		}
		return length;
	}

}
