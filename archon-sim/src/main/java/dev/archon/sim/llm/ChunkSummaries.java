package dev.archon.sim.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulated model's title and summary of a documentation chunk: a JSON object
 * {@code {"title","summary"}} derived from the chunk's own text only, so that the same
 * chunk always gets the same answer and tests can predict it. The title is
 * {@code "Sim: "} and the chunk's first words; the summary counts the chunk's words and
 * repeats its first sentence.
 */
final class ChunkSummaries {

	private static final JsonMapper JSON = JsonMapper.shared();

	/** Markdown marks around a word. */
	private static final Pattern MARKS = Pattern.compile("^[#>*_`\\-]+|[*_`]+$");

	private static final int TITLE_WORDS = 6;

	private static final int SUMMARY_CHARACTERS = 200;

	private ChunkSummaries() {
	}

	/**
	 * Answers a request for a chunk's title and summary.
	 * @param chunk the chunk's text (the request's last user message)
	 * @return the JSON answer
	 */
	static String answer(String chunk) {
		List<String> words = words(chunk);
		ObjectNode answer = JSON.createObjectNode();
		answer.put("title", "Sim: " + String.join(" ", words.subList(0, Math.min(TITLE_WORDS, words.size()))));
		answer.put("summary", "Sim summary of " + words.size() + " words. " + firstSentence(words));
		return JSON.writeValueAsString(answer);
	}

	// Words of the text without Markdown's heading marks, emphasis and code fences.
	private static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		for (String word : text.split("\\s+")) {
			String cleaned = MARKS.matcher(word).replaceAll("");
			if (!cleaned.isEmpty()) {
				words.add(cleaned);
			}
		}
		return words;
	}

	private static String firstSentence(List<String> words) {
		StringBuilder sentence = new StringBuilder();
		for (String word : words) {
			if (sentence.length() + word.length() > SUMMARY_CHARACTERS) {
				break;
			}
			sentence.append(sentence.isEmpty() ? "" : " ").append(word);
			if (word.endsWith(".") || word.endsWith("?") || word.endsWith("!")) {
				break;
			}
		}
		return sentence.toString();
	}

}
