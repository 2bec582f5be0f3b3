package dev.archon.sim.llm;

import org.jspecify.annotations.Nullable;

/**
 * Reads {@code NAME: value} marker lines out of prompts.
 */
final class MarkerLines {

	private MarkerLines() {
	}

	/**
	 * The value of the first line that starts with the marker.
	 * @param text the prompt
	 * @param marker the marker, with its colon
	 * @return the trimmed rest of the line, or {@code null} if no line starts with it
	 */
	static @Nullable String value(String text, String marker) {
		int from = 0;
		while (true) {
			int at = text.indexOf(marker, from);
			if (at < 0) {
				return null;
			}
			if (at == 0 || text.charAt(at - 1) == '\n') {
				int end = text.indexOf('\n', at);
				return text.substring(at + marker.length(), (end < 0) ? text.length() : end).trim();
			}
			from = at + marker.length();
		}
	}

}
