package dev.archon.sim.llm;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the coder's answer by the documented contract, the way archon-agentgen will: a
 * {@code ### <path>} line, then a fence line, the content, and a line of exactly three
 * backticks.
 */
public final class CoderAnswerParser {

	private CoderAnswerParser() {
	}

	public static Map<String, String> files(String answer) {
		Map<String, String> files = new LinkedHashMap<>();
		String[] lines = answer.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].startsWith("### ") && i + 1 < lines.length && lines[i + 1].startsWith("```")) {
				String path = lines[i].substring(4).trim();
				StringBuilder content = new StringBuilder();
				int j = i + 2;
				while (j < lines.length && !lines[j].equals("```")) {
					content.append(lines[j]).append('\n');
					j++;
				}
				if (j == lines.length) {
					throw new IllegalArgumentException("Unclosed block for " + path);
				}
				files.put(path, content.toString());
				i = j;
			}
		}
		return files;
	}

}
