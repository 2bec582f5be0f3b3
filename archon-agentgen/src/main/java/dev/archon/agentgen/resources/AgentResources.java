package dev.archon.agentgen.resources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.Yaml;

/**
 * The library of example agents, tools and MCP server configurations in
 * {@code agent-resources/}: Markdown files with YAML front matter, read once at start.
 */
public class AgentResources {

	private static final Logger logger = LoggerFactory.getLogger(AgentResources.class);

	private static final Pattern FRONT_MATTER = Pattern.compile("\\A---\\R(.*?)\\R---\\R?(.*)\\z", Pattern.DOTALL);

	private static final Pattern PYTHON_BLOCK = Pattern.compile("```python\\R(.*?)```", Pattern.DOTALL);

	/**
	 * Words that make a description about the home, so that the agent uses Home
	 * Assistant.
	 */
	private static final Set<String> HOME_WORDS = Set.of("home", "house", "light", "lights", "lamp", "lamps", "climate",
			"thermostat", "heating", "presence", "energy", "sensor", "sensors", "assistant", "room", "rooms", "kitchen",
			"bedroom", "garage", "door", "doors", "lock", "blinds", "solar");

	private static final int MAX_TOOLS = 4;

	private final List<LibraryEntry> entries;

	public AgentResources(List<LibraryEntry> entries) {
		this.entries = List.copyOf(entries);
	}

	/**
	 * Reads the library from the first of the given folders that exists.
	 * @param candidates where the library may be
	 * @return the library, empty when none of the folders exists
	 */
	public static AgentResources load(List<Path> candidates) {
		for (Path folder : candidates) {
			if (Files.isDirectory(folder)) {
				try (Stream<Path> files = Files.walk(folder)) {
					List<LibraryEntry> entries = files.filter((file) -> file.toString().endsWith(".md"))
						.sorted()
						.map(AgentResources::read)
						.filter((entry) -> entry != null)
						.toList();
					logger.info("Read {} agent resources from {}", entries.size(), folder.toAbsolutePath());
					return new AgentResources(entries);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}
		logger.warn("No agent-resources folder among {}: the advisor has no library", candidates);
		return new AgentResources(List.of());
	}

	@SuppressWarnings("unchecked")
	static @Nullable LibraryEntry read(Path file) {
		try {
			String text = Files.readString(file, StandardCharsets.UTF_8);
			Matcher matcher = FRONT_MATTER.matcher(text);
			if (!matcher.matches()) {
				return null;
			}
			Map<String, Object> meta;
			try {
				meta = new Yaml().load(matcher.group(1));
			}
			catch (RuntimeException ex) {
				// One bad file must not take the library, or the service, down.
				logger.warn("Skipping {}: its front matter is not valid YAML: {}", file, ex.getMessage());
				return null;
			}
			if (meta == null) {
				return null;
			}
			String body = matcher.group(2).strip();
			Matcher code = PYTHON_BLOCK.matcher(body);
			String name = String.valueOf(meta.getOrDefault("name", file.getFileName().toString().replace(".md", "")));
			Map<String, String> environment = new LinkedHashMap<>();
			if (meta.get("env") instanceof Map<?, ?> env) {
				env.forEach((key, value) -> environment.put(String.valueOf(key), String.valueOf(value)));
			}
			return new LibraryEntry(String.valueOf(meta.getOrDefault("kind", "example")), name,
					String.valueOf(meta.getOrDefault("description", "")), strings(meta.get("tags")), body,
					code.find() ? code.group(1) : "", strings(meta.get("requires")), environment);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> strings(Object value) {
		if (value instanceof List<?> list) {
			return list.stream().map(String::valueOf).toList();
		}
		return List.of();
	}

	public List<LibraryEntry> entries() {
		return this.entries;
	}

	/**
	 * Whether a description is about the home.
	 * @param description the user's description
	 * @return whether it names lights, climate, presence, energy…
	 */
	public static boolean aboutTheHome(String description) {
		return words(description).stream().anyMatch(HOME_WORDS::contains);
	}

	/**
	 * The entries most relevant to a description: the tools its words call for (the Home
	 * Assistant tools whenever it is about the home), the closest example, and matching
	 * MCP servers.
	 * @param description the user's description
	 * @return the selection, tools first
	 */
	public Selection select(String description) {
		Set<String> words = words(description);
		boolean home = aboutTheHome(description);
		List<LibraryEntry> tools = new ArrayList<>();
		if (home) {
			this.entries.stream()
				.filter((entry) -> entry.kind().equals("tool") && entry.name().startsWith("ha_"))
				.forEach(tools::add);
		}
		ranked("tool", words).stream()
			.filter((entry) -> !tools.contains(entry))
			.limit(Math.max(0, MAX_TOOLS - tools.size()))
			.forEach(tools::add);
		List<LibraryEntry> examples = ranked("example", words).stream().limit(1).toList();
		if (home) {
			examples = this.entries.stream()
				.filter((entry) -> entry.kind().equals("example") && entry.tags().contains("home-assistant"))
				.limit(1)
				.toList();
		}
		List<LibraryEntry> mcp = ranked("mcp", words).stream().limit(2).toList();
		return new Selection(tools, examples, mcp, home);
	}

	private List<LibraryEntry> ranked(String kind, Set<String> words) {
		return this.entries.stream()
			.filter((entry) -> entry.kind().equals(kind))
			.filter((entry) -> score(entry, words) > 0)
			.sorted(Comparator.comparingInt((LibraryEntry entry) -> score(entry, words)).reversed())
			.toList();
	}

	private static int score(LibraryEntry entry, Set<String> words) {
		int score = 0;
		for (String tag : entry.tags()) {
			if (words.contains(tag.toLowerCase(Locale.ROOT))) {
				score++;
			}
		}
		return score;
	}

	static Set<String> words(String text) {
		Set<String> words = new HashSet<>();
		for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z0-9-]+")) {
			if (!word.isEmpty()) {
				words.add(word);
				if (word.endsWith("s") && word.length() > 3) {
					words.add(word.substring(0, word.length() - 1));
				}
			}
		}
		return words;
	}

	/**
	 * What the library offers for one description.
	 *
	 * @param tools the tools to use
	 * @param examples the closest example agent
	 * @param mcp MCP servers worth configuring
	 * @param home whether the description is about the home
	 */
	public record Selection(List<LibraryEntry> tools, List<LibraryEntry> examples, List<LibraryEntry> mcp,
			boolean home) {

		/**
		 * The selection as the advisor's prompt shows it.
		 * @return a Markdown list
		 */
		public String describe() {
			StringBuilder text = new StringBuilder();
			Stream.of(this.tools, this.examples, this.mcp)
				.flatMap(List::stream)
				.forEach((entry) -> text.append("- ")
					.append(entry.kind())
					.append(" `")
					.append(entry.name())
					.append("`: ")
					.append(entry.description())
					.append('\n'));
			return text.toString();
		}

	}

}
