package dev.archon.agentgen.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the retrieved documentation teaches the agent's code: for each construct the
 * composer writes ({@code tools=}, {@code output_type=}, {@code instructions=},
 * {@code deps_type=}), the first line of a retrieved page that shows it. The code quotes
 * that line, with the page's URL, where it uses the construct; a page is used when one of
 * its lines is quoted.
 */
final class Lessons {

	/** The constructs, each with what the page shows about it. */
	static final Map<String, String> CONSTRUCTS = Map.of("tools=", "registering tools through the Agent's argument",
			"output_type=", "a structured result through output_type", "instructions=",
			"static instructions rather than a system prompt", "deps_type=",
			"the dependencies every tool call receives");

	private final Map<String, Lesson> lessons;

	private Lessons(Map<String, Lesson> lessons) {
		this.lessons = lessons;
	}

	/**
	 * Reads the pages for each construct, best page first.
	 * @param pages the retrieved pages, best first
	 * @return what they teach
	 */
	static Lessons from(List<Page> pages) {
		Map<String, Lesson> found = new LinkedHashMap<>();
		for (String construct : List.of("instructions=", "deps_type=", "tools=", "output_type=")) {
			for (Page page : pages) {
				String line = firstLineWith(page.excerpt(), construct);
				if (line != null) {
					found.put(construct, new Lesson(page, line));
					break;
				}
			}
		}
		return new Lessons(found);
	}

	private static @Nullable String firstLineWith(String text, String construct) {
		for (String line : text.split("\\R")) {
			String code = line.strip();
			if (code.startsWith(construct.replace("=", "")) && code.contains(construct) && code.length() < 120) {
				return code;
			}
		}
		return null;
	}

	/**
	 * The comment above a construct in {@code agent.py}, when a page shows it.
	 * @param construct such as {@code tools=}
	 * @param indent the indentation of the commented line
	 * @return the comment lines, empty when no page shows the construct
	 */
	String comment(String construct, String indent) {
		Lesson lesson = this.lessons.get(construct);
		if (lesson == null) {
			return "";
		}
		return indent + "# " + capitalised(CONSTRUCTS.get(construct)) + ", as " + lesson.page().url() + " shows:\n"
				+ indent + "#     " + lesson.line() + "\n";
	}

	/**
	 * The pages whose lines the code quotes.
	 * @return those pages, without repeats
	 */
	List<Page> used() {
		List<Page> used = new ArrayList<>();
		this.lessons.values().forEach((lesson) -> {
			if (!used.contains(lesson.page())) {
				used.add(lesson.page());
			}
		});
		return used;
	}

	private static String capitalised(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	private record Lesson(Page page, String line) {

	}

}
