package dev.archon.test.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.archon.test.http.RawHttp.Response;

/**
 * What an answer to any input must be: no server error but a 503 that says when to come
 * back; every 4xx an RFC 9457 problem with its {@code type}, {@code title},
 * {@code status} and {@code detail}; and no body that shows the server's insides (a Java
 * class name, an exception, a stack frame).
 */
public final class SafeAnswer {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final List<Pattern> INSIDES = List.of(Pattern.compile("Exception"),
			Pattern.compile("at dev\\.archon"), Pattern.compile("\\bat [\\w$.]+\\([\\w$]*\\.java:\\d+\\)"),
			Pattern.compile("\\.java:\\d+"),
			Pattern.compile("\\b(?:java|javax|jakarta|sun|jdk|dev\\.archon|org\\.springframework|org\\.apache"
					+ "|org\\.postgresql|tools\\.jackson|com\\.fasterxml|io\\.lettuce)\\.[a-z]\\w*\\.[\\w$.]+"));

	private SafeAnswer() {
	}

	/**
	 * What is wrong with an answer.
	 * @param answer the answer
	 * @return what is wrong, nothing when it is a safe answer
	 */
	public static List<String> faults(Response answer) {
		List<String> faults = new ArrayList<>();
		int status = answer.status();
		if (status >= 500 && !(status == 503 && answer.headers().containsKey("retry-after"))) {
			faults.add("answered " + status);
		}
		if (status >= 400) {
			faults.addAll(problemFaults(answer));
		}
		for (Pattern inside : INSIDES) {
			if (inside.matcher(answer.body()).find()) {
				faults.add("shows its insides (" + inside.pattern() + ")");
			}
		}
		return faults;
	}

	private static List<String> problemFaults(Response answer) {
		if (!answer.contentType().equals("application/problem+json")) {
			return List.of("answered " + answer.status() + " as '" + answer.contentType() + "', not a problem");
		}
		JsonNode problem;
		try {
			problem = json.readTree(answer.body());
		}
		catch (JacksonException ex) {
			return List.of("answered a problem that is not JSON");
		}
		List<String> faults = new ArrayList<>();
		for (String member : List.of("type", "title", "detail")) {
			if (!problem.path(member).isString() || problem.path(member).asString().isBlank()) {
				faults.add("answered a problem without '" + member + "'");
			}
		}
		if (problem.path("status").asInt() != answer.status()) {
			faults.add("answered a problem whose status is not " + answer.status());
		}
		return faults;
	}

}
