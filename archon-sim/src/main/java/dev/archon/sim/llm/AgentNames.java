package dev.archon.sim.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The names of a generated agent, derived from the user's description so that the same
 * description always gives the same agent.
 *
 * @param slug the Python identifier stem, such as {@code weather_forecast}
 * @param className the dependency class stem, such as {@code WeatherForecast}
 * @param title the human name, such as {@code Weather Forecast}
 * @param summary the description, reduced to characters that are safe inside Python
 * strings and comments
 * @param home whether the agent is about the home and uses Home Assistant
 */
record AgentNames(String slug, String className, String title, String summary, boolean home) {

	private static final int SUMMARY_LIMIT = 240;

	private static final Set<String> STOP_WORDS = Set.of("about", "across", "after", "agent", "all", "also", "and",
			"answer", "answers", "any", "are", "ask", "asks", "assistant", "automatically", "based", "bot", "build",
			"but", "can", "check", "checks", "come", "comes", "control", "controls", "could", "create", "creates",
			"day", "does", "each", "every", "fetch", "fetches", "find", "finds", "for", "from", "generate", "generates",
			"get", "gets", "give", "gives", "have", "help", "helps", "how", "into", "its", "just", "keep", "keeps",
			"let", "lets", "like", "look", "looks", "make", "makes", "manage", "manages", "many", "monitor", "monitors",
			"more", "most", "much", "need", "needs", "not", "notifies", "notify", "one", "our", "please", "provide",
			"provides", "read", "reads", "search", "searches", "send", "sends", "should", "show", "shows", "some",
			"summarise", "summarises", "summarize", "summarizes", "tell", "tells", "that", "the", "their", "them",
			"then", "there", "these", "they", "this", "those", "through", "track", "tracks", "turn", "turns", "use",
			"uses", "using", "want", "wants", "warn", "warns", "watch", "watches", "what", "when", "where", "which",
			"while", "who", "will", "with", "without", "would", "write", "writes", "you", "your");

	private static final Set<String> HOME_WORDS = Set.of("home", "house", "light", "lights", "lamp", "lamps",
			"lighting", "climate", "thermostat", "heating", "cooling", "temperature", "presence", "energy", "blinds",
			"shutters", "covers", "hvac", "appliance", "appliances", "kitchen", "bedroom", "garage", "doorbell");

	static AgentNames from(String description) {
		List<String> words = new ArrayList<>(2);
		boolean home = false;
		for (String word : description.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
			home |= HOME_WORDS.contains(word);
			if (words.size() < 2 && word.length() >= 3 && !STOP_WORDS.contains(word) && !words.contains(word)) {
				words.add(word);
			}
		}
		if (words.isEmpty()) {
			words.add(home ? "home" : "research");
		}
		StringBuilder className = new StringBuilder();
		StringBuilder title = new StringBuilder();
		for (String word : words) {
			String capitalized = Character.toUpperCase(word.charAt(0)) + word.substring(1);
			className.append(capitalized);
			title.append(title.isEmpty() ? "" : " ").append(capitalized);
		}
		return new AgentNames(String.join("_", words), className.toString(), title.toString(), summary(description),
				home);
	}

	/**
	 * Keeps letters, digits and plain punctuation, so that the summary can go into a
	 * Python docstring or string literal without any escaping.
	 */
	private static String summary(String description) {
		StringBuilder summary = new StringBuilder(Math.min(description.length(), SUMMARY_LIMIT + 1));
		boolean space = false;
		for (int i = 0; i < description.length() && summary.length() < SUMMARY_LIMIT; i++) {
			char c = description.charAt(i);
			if (Character.isLetterOrDigit(c) || ".,;:!?()'%+-/&".indexOf(c) >= 0) {
				if (space && !summary.isEmpty()) {
					summary.append(' ');
				}
				summary.append(c);
				space = false;
			}
			else {
				space = true;
			}
		}
		if (summary.isEmpty()) {
			return "Help the user with their questions.";
		}
		char last = summary.charAt(summary.length() - 1);
		if (".!?".indexOf(last) < 0) {
			summary.append('.');
		}
		return summary.toString();
	}

}
