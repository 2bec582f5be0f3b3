package dev.archon.agentgen.compose;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The plan as one comment line of JSON at the end of the generated {@code agent.py}: a
 * version carries the plan it implements, so feedback on it revises that plan, however
 * many versions came before.
 */
public final class PlanLine {

	private static final String PREFIX = "# archon-plan: ";

	private static final Pattern LINE = Pattern.compile("^" + PREFIX + "(\\{.*})$", Pattern.MULTILINE);

	private static final JsonMapper json = JsonMapper.builder().build();

	private PlanLine() {
	}

	/**
	 * The plan as JSON, for the job and the scope.
	 * @param plan the plan
	 * @return one line of JSON
	 */
	public static String json(Plan plan) {
		return json.writeValueAsString(plan);
	}

	static String write(Plan plan) {
		return PREFIX + json(plan);
	}

	/**
	 * The plan that a version's files carry.
	 * @param files the files of a version
	 * @return its plan, or {@code null} when its {@code agent.py} carries none (a model
	 * wrote it)
	 */
	public static @Nullable Plan read(Map<String, String> files) {
		Matcher line = LINE.matcher(files.getOrDefault("agent.py", ""));
		if (!line.find()) {
			return null;
		}
		try {
			return json.readValue(line.group(1), Plan.class);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

}
