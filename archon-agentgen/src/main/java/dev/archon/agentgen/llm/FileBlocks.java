package dev.archon.agentgen.llm;

import java.util.Map;

/**
 * Writes files the way the coder step answers with them: each a line {@code ### <path>}
 * followed by one fenced code block. The built-in provider answers in this form like any
 * other provider, and {@code CoderAnswer} in the pipeline parses it back.
 */
public final class FileBlocks {

	private FileBlocks() {
	}

	/**
	 * Renders files as file blocks.
	 * @param files the files' contents by path, in the order to write them
	 * @return the text
	 */
	public static String render(Map<String, String> files) {
		StringBuilder text = new StringBuilder();
		files.forEach((path, content) -> text.append("### ")
			.append(path)
			.append("\n```")
			.append(path.endsWith(".py") ? "python" : "")
			.append('\n')
			.append(content)
			.append(content.endsWith("\n") ? "" : "\n")
			.append("```\n\n"));
		return text.toString();
	}

}
