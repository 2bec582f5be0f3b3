package dev.archon.agentgen.compose;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * What an agent must do: how it runs, what it reads, what it does with what it read, and
 * where the result goes. The scope step shows it as Markdown; the generated
 * {@code agent.py} carries it as JSON so that feedback on that version revises this plan
 * rather than starting again from the description.
 *
 * @param trigger how the agent runs
 * @param sources what it reads
 * @param steps what it does with what it read
 * @param sinks where the result goes
 * @param labels the only labels an item may carry to be reported, none for all
 * @param subject what the sources are about: a repository, a place, an entity, a topic
 */
public record Plan(Trigger trigger, Set<Source> sources, Set<Step> steps, Set<Sink> sinks, List<String> labels,
		String subject) {

	public Plan {
		sources = Set.copyOf(sources);
		steps = Set.copyOf(steps);
		sinks = Set.copyOf(sinks);
		labels = List.copyOf(labels);
	}

	/**
	 * Whether the agent runs without a person asking it things.
	 * @return {@code false} for a chat
	 */
	public boolean unattended() {
		return this.trigger.mode() != Mode.CHAT;
	}

	/**
	 * The plan as the scope step shows it.
	 * @return Markdown, with a section per part of the plan
	 */
	public String toMarkdown() {
		StringBuilder text = new StringBuilder("## Plan\n");
		text.append("- **Runs:** ").append(this.trigger.describe()).append('\n');
		text.append("- **Reads:** ").append(join(this.sources.stream().sorted().map(Source::label))).append('\n');
		text.append("- **Does:** ").append(join(this.steps.stream().sorted().map(this::describe))).append('\n');
		text.append("- **Sends to:** ").append(join(this.sinks.stream().sorted().map(Sink::label))).append('\n');
		return text.toString();
	}

	private String describe(Step step) {
		if (step == Step.FILTER && !this.labels.isEmpty()) {
			return step.label() + ", and only items labelled " + String.join(" or ", this.labels);
		}
		return step.label();
	}

	private static String join(Stream<String> parts) {
		String joined = parts.collect(Collectors.joining("; "));
		return joined.isEmpty() ? "nothing" : joined;
	}

	/** How an agent runs. */
	public enum Mode {

		/** Asked things, at a prompt. */
		CHAT,

		/** Once, then exits. */
		ONCE,

		/** On a schedule. */
		SCHEDULE,

		/** When a Home Assistant entity changes state. */
		EVENT

	}

	/**
	 * How and when the agent runs.
	 *
	 * @param mode the way it runs
	 * @param cron the schedule as a cron line, for {@link Mode#SCHEDULE}
	 * @param entity the Home Assistant entity whose changes start a run, for
	 * {@link Mode#EVENT}
	 */
	public record Trigger(Mode mode, @Nullable String cron, @Nullable String entity) {

		static Trigger chat() {
			return new Trigger(Mode.CHAT, null, null);
		}

		static Trigger once() {
			return new Trigger(Mode.ONCE, null, null);
		}

		static Trigger schedule(String cron) {
			return new Trigger(Mode.SCHEDULE, cron, null);
		}

		static Trigger event(String entity) {
			return new Trigger(Mode.EVENT, null, entity);
		}

		String describe() {
			return switch (this.mode) {
				case CHAT -> "on demand, as a chat";
				case ONCE -> "once, then exits";
				case SCHEDULE -> "on a schedule, cron `" + this.cron + "` (" + Schedules.describe(this.cron) + ")";
				case EVENT -> "when Home Assistant's `" + this.entity + "` changes state";
			};
		}

	}

	/** What an agent reads, and the library tools that read it. */
	public enum Source {

		GITHUB("GitHub issues", "github_list_issues"), WEB_SEARCH("the web, through a search engine", "web_search"),
		WEB_PAGE("web pages", "fetch_url"), HOME_ASSISTANT("Home Assistant's states", "ha_get_states"),
		DOCS("the documentation in Archon's vector store", "search_docs"), TIME("the current time", "current_time"),
		WEATHER("the weather", "get_weather");

		private final String label;

		private final String tool;

		Source(String label, String tool) {
			this.label = label;
			this.tool = tool;
		}

		public String label() {
			return this.label;
		}

		/**
		 * The library tool that reads this source.
		 * @return the tool's function name
		 */
		public String tool() {
			return this.tool;
		}

	}

	/** What an agent does with what it read. */
	public enum Step {

		FILTER("keeps only what is new since the last run (state in a small JSON file)"),
		SUMMARISE("summarises what it read"), DIGEST("groups the results into one message"),
		DECIDE("decides whether anything calls for action"), ACT("acts through Home Assistant's services");

		private final String label;

		Step(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

	/** Where an agent's result goes. */
	public enum Sink {

		SLACK("Slack, through an incoming webhook"), DISCORD("Discord, through a webhook"),
		HOME_ASSISTANT("Home Assistant's services"), FILE("a Markdown file"), TERMINAL("the terminal");

		private final String label;

		Sink(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

}
