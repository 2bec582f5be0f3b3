package dev.archon.agentgen.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the coder's answer: each file as a line {@code ### <filename>} followed by a
 * fenced code block.
 */
final class CoderAnswer {

	static final List<String> FILES = List.of("agent.py", "agent_tools.py", "agent_prompts.py", ".env.example",
			"requirements.txt");

	private static final Pattern FILE = Pattern.compile(
			"^#{2,4}\\s*`?([\\w./-]+?)`?\\s*\\R+(`{3,})[^\\n]*\\R(.*?)\\R?\\2[ \\t]*$",
			Pattern.MULTILINE | Pattern.DOTALL);

	private CoderAnswer() {
	}

	/**
	 * The files of an answer.
	 * @param answer the coder's answer
	 * @return the files by path, in the order of {@link #FILES}
	 * @throws MalformedAnswer when a file is missing
	 */
	static Map<String, String> files(String answer) {
		Map<String, String> found = new LinkedHashMap<>();
		Matcher matcher = FILE.matcher(answer);
		while (matcher.find()) {
			String content = matcher.group(3);
			found.put(matcher.group(1).trim(), content.endsWith("\n") ? content : content + "\n");
		}
		List<String> missing = FILES.stream().filter((file) -> !found.containsKey(file)).toList();
		if (!missing.isEmpty()) {
			throw new MalformedAnswer("The answer lacks " + String.join(", ", missing)
					+ ": give each file as a line '### <filename>' followed by one fenced code block.");
		}
		Map<String, String> ordered = new LinkedHashMap<>();
		FILES.forEach((file) -> ordered.put(file, found.get(file)));
		return ordered;
	}

	static class MalformedAnswer extends RuntimeException {

		MalformedAnswer(String message) {
			super(message);
		}

	}

}
