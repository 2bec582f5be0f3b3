package dev.archon.agentgen.compose;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.archon.agentgen.compose.Plan.Mode;
import dev.archon.agentgen.compose.Plan.Sink;
import dev.archon.agentgen.compose.Plan.Source;
import dev.archon.agentgen.compose.Plan.Step;
import dev.archon.agentgen.compose.Plan.Trigger;
import org.jspecify.annotations.Nullable;

/**
 * Works out a {@link Plan} from a description, and revises a plan with the user's
 * feedback ("also post to Discord", "run hourly instead", "only issues labelled bug"). It
 * reads the phrases people use for each part of a plan; the tools that carry a plan out
 * are then chosen by meaning, in {@link ToolChoice}.
 */
public final class Planner {

	private static final Map<Source, Pattern> SOURCES = Map.of(Source.GITHUB,
			words("github", "repository", "repo", "repos", "pull requests?", "issues?", "issue tracker"),
			Source.WEB_SEARCH,
			words("search the web", "web search", "the web", "online", "internet", "news", "research", "brave",
					"search engine", "look up", "articles about"),
			Source.WEB_PAGE,
			words("web ?page", "pages?", "urls?", "website", "site", "blog", "fetch", "scrape", "changelog",
					"release notes", "links?", "rss"),
			Source.DOCS,
			words("docs", "documentation", "knowledge base", "manuals?", "pydantic", "handbook", "wiki", "faq",
					"vector store"),
			Source.TIME, words("time", "date", "clock", "time ?zones?", "today", "calendar", "what day", "deadlines?"),
			Source.WEATHER,
			words("weather", "forecast", "rain", "umbrella", "sunny", "wind", "snow", "temperature outside"));

	/**
	 * Words of the home. Not "assistant" alone: "a chat assistant" is not about Home
	 * Assistant.
	 */
	private static final Pattern HOME = words("home assistant", "house", "lights?", "lamps?", "climate", "thermostats?",
			"heating", "presence", "energy", "sensors?", "rooms?", "kitchen", "bedroom", "garage", "doors?", "locks?",
			"blinds", "solar", "motion", "entity", "entities", "occupancy", "switch(?:es)?", "plugs?", "alarm",
			"hallway", "at home", "my home", "the home", "degrees");

	private static final Pattern ACT = words("turn (?:on|off)", "turns? (?:it|them|the [\\w ]{1,30}) (?:on|off)",
			"switch (?:on|off)", "switch(?:es)? (?:it|them|the [\\w ]{1,30}) (?:on|off)", "dim", "lock", "unlock",
			"open the", "close the", "set the", "keep the", "heat", "cool", "start the", "stop the", "control");

	private static final Pattern FILTER = words("new", "since (?:the )?last", "not seen", "unseen", "only new",
			"changed", "changes", "appeared", "fresh", "latest");

	private static final Pattern SUMMARISE = words("summar\\w*", "digest", "brief\\w*", "overview", "reports?", "recap",
			"explain\\w*", "condense", "tl;?dr");

	private static final Pattern DIGEST = words("digest", "briefing", "round-?up", "newsletter", "one message",
			"(?:daily|weekly|morning) (?:summary|report)", "report");

	private static final Pattern DECIDE = words("decide\\w*", "if", "whether", "only when", "alert\\w*", "warn\\w*",
			"threshold", "triage", "prioriti\\w*", "classif\\w*", "unless", "nobody", "no one", "empty", "left on",
			"still on");

	private static final Map<Sink, Pattern> SINKS = Map.of(Sink.SLACK, words("slack"), Sink.DISCORD, words("discord"),
			Sink.FILE, words("files?", "save\\w*", "markdown", "\\.md", "csv", "to disk", "write it to",
					"write a report", "report file", "notes"),
			Sink.TERMINAL, words("print", "terminal", "console", "stdout", "screen"));

	private static final Pattern EVENT = words("when", "whenever", "as soon as", "detect\\w*", "motion", "opens",
			"closes", "arrives?", "leaves?", "gets home", "triggers?");

	private static final Pattern ONCE = words("once", "one-off", "one off", "one time", "single run", "right now",
			"a report on", "research");

	private static final Pattern CHAT = words("answer\\w*", "ask\\w*", "questions?", "chat\\w*", "talk", "tells? me",
			"help me", "conversation", "interactive\\w*", "on demand", "assistant");

	/**
	 * Feedback that makes an agent a chat: narrower than {@link #CHAT}, since "tell me on
	 * Discord" asks for a sink, not a conversation.
	 */
	private static final Pattern TO_CHAT = words("chat\\w*", "interactive\\w*", "on demand", "conversation");

	private static final Pattern LABELS = Pattern.compile(
			"\\b(?:labell?ed|with the labels?|tagged|labels?) [\"'`]?([\\w-]+)[\"'`]?(?: (?:or|and) [\"'`]?([\\w-]+))?");

	private static final Pattern ANY_LABEL = words("any label", "all labels", "every label", "all issues");

	private static final Pattern NEGATED = Pattern.compile(
			"(?:instead of|rather than|not|no|no longer|stop \\w+ (?:to|on|in)|without|remove|drop|don't \\w+ (?:to|on|in))\\s+(?:the\\s+|to\\s+|on\\s+)?$");

	private static final Pattern REPOSITORY = Pattern.compile("\\b([A-Za-z0-9][\\w.-]*/[A-Za-z0-9][\\w.-]*)\\b");

	private static final Pattern PLACE = Pattern.compile("\\b(?:in|for|at) ([A-Z][a-zA-Z-]+(?: [A-Z][a-zA-Z-]+)?)");

	private static final Pattern ENTITY = Pattern
		.compile("\\b((?:light|binary_sensor|sensor|switch|climate|lock|cover|person|fan)\\.[a-z0-9_]+)\\b");

	private static final Pattern AREA = words("hallway", "hall", "kitchen", "living room", "bedroom", "garage",
			"office", "bathroom", "garden", "porch", "stairs", "entrance", "basement");

	private Planner() {
	}

	/**
	 * The plan of the version to write: the plan the previous version carries (or the
	 * description's), revised by the user's feedback when there is some.
	 * @param description the user's description
	 * @param feedback the user's feedback on the previous version, if any
	 * @param previousFiles the previous version's files, empty for a first version
	 * @return the plan
	 */
	public static Plan current(String description, @Nullable String feedback, Map<String, String> previousFiles) {
		Plan previous = PlanLine.read(previousFiles);
		Plan plan = (previous != null) ? previous : plan(description);
		return (feedback == null || feedback.isBlank()) ? plan : revise(plan, feedback);
	}

	/**
	 * The plan a description asks for.
	 * @param description the user's description
	 * @return the plan
	 */
	public static Plan plan(String description) {
		String text = description.toLowerCase(Locale.ROOT);
		Set<Source> sources = sources(text);
		boolean acts = sources.contains(Source.HOME_ASSISTANT) && ACT.matcher(text).find();
		Set<Sink> sinks = mentioned(SINKS, text);
		if (acts) {
			sinks.add(Sink.HOME_ASSISTANT);
		}
		Trigger trigger = trigger(text, sources, sinks);
		Set<Step> steps = steps(text, trigger, sinks, acts);
		return normalised(new Plan(trigger, sources, steps, sinks, labels(text), subject(description, sources)));
	}

	/**
	 * A plan revised by the user's feedback: what the feedback names is added, or taken
	 * away when the feedback says "instead of", "no longer", "stop"; a schedule or a way
	 * to run replaces the old one; labels replace the old labels.
	 * @param plan the plan of the version the feedback is about
	 * @param feedback the user's feedback
	 * @return the revised plan
	 */
	public static Plan revise(Plan plan, String feedback) {
		String text = feedback.toLowerCase(Locale.ROOT);
		Set<Source> sources = EnumSet.noneOf(Source.class);
		sources.addAll(plan.sources());
		apply(SOURCES, text, sources, false);
		if (HOME.matcher(text).find()) {
			sources.add(Source.HOME_ASSISTANT);
		}
		Set<Sink> sinks = EnumSet.noneOf(Sink.class);
		sinks.addAll(plan.sinks());
		apply(SINKS, text, sinks, text.matches(".*\\binstead\\b(?! of).*"));
		Trigger trigger = plan.trigger();
		String cron = Schedules.cron(text);
		if (cron != null) {
			trigger = Trigger.schedule(cron);
		}
		else if (TO_CHAT.matcher(text).find()) {
			trigger = Trigger.chat();
		}
		else if (words("once", "one-off", "one off", "single run").matcher(text).find()) {
			trigger = Trigger.once();
		}
		List<String> named = labels(text);
		List<String> labels = ANY_LABEL.matcher(text).find() ? List.of() : named.isEmpty() ? plan.labels() : named;
		Set<Step> steps = EnumSet.noneOf(Step.class);
		steps.addAll(plan.steps());
		steps.addAll(steps(text, trigger, sinks, steps.contains(Step.ACT)));
		String subject = subject(feedback, sources);
		return normalised(
				new Plan(trigger, sources, steps, sinks, labels, subject.isEmpty() ? plan.subject() : subject));
	}

	private static Set<Source> sources(String text) {
		Set<Source> sources = mentioned(SOURCES, text);
		if (HOME.matcher(text).find()) {
			sources.add(Source.HOME_ASSISTANT);
		}
		if (sources.contains(Source.HOME_ASSISTANT) && !text.contains("time zone") && !text.contains("what time")) {
			// "every time the door opens" is about an event, not the clock.
			sources.remove(Source.TIME);
		}
		return sources;
	}

	private static Trigger trigger(String text, Set<Source> sources, Set<Sink> sinks) {
		String cron = Schedules.cron(text);
		if (cron != null) {
			return Trigger.schedule(cron);
		}
		if (sources.contains(Source.HOME_ASSISTANT) && EVENT.matcher(text).find()) {
			return Trigger.event(watchedEntity(text));
		}
		if (DIGEST.matcher(text).find() && (sinks.contains(Sink.SLACK) || sinks.contains(Sink.DISCORD))) {
			// A digest sent to a channel is a recurring thing, daily unless told.
			return Trigger.schedule("0 8 * * *");
		}
		boolean chat = CHAT.matcher(text).find();
		boolean delivers = sinks.contains(Sink.FILE) || sinks.contains(Sink.SLACK) || sinks.contains(Sink.DISCORD);
		if (ONCE.matcher(text).find() && (!chat || delivers) || delivers && !chat) {
			return Trigger.once();
		}
		return Trigger.chat();
	}

	private static Set<Step> steps(String text, Trigger trigger, Set<Sink> sinks, boolean acts) {
		Set<Step> steps = EnumSet.noneOf(Step.class);
		boolean unattended = trigger.mode() != Mode.CHAT;
		if (unattended && FILTER.matcher(text).find()) {
			steps.add(Step.FILTER);
		}
		if (SUMMARISE.matcher(text).find()) {
			steps.add(Step.SUMMARISE);
		}
		if (unattended && (DIGEST.matcher(text).find() || sinks.contains(Sink.SLACK) || sinks.contains(Sink.DISCORD))) {
			steps.add(Step.DIGEST);
		}
		if (DECIDE.matcher(text).find() || acts && trigger.mode() == Mode.EVENT) {
			steps.add(Step.DECIDE);
		}
		if (acts) {
			steps.add(Step.ACT);
		}
		return steps;
	}

	private static Plan normalised(Plan plan) {
		Set<Sink> sinks = EnumSet.noneOf(Sink.class);
		sinks.addAll(plan.sinks());
		Set<Step> steps = EnumSet.noneOf(Step.class);
		steps.addAll(plan.steps());
		Set<Source> sources = EnumSet.noneOf(Source.class);
		sources.addAll(plan.sources());
		if (plan.trigger().mode() == Mode.CHAT) {
			sinks.add(Sink.TERMINAL);
			steps.remove(Step.FILTER);
			steps.remove(Step.DIGEST);
		}
		if (sinks.contains(Sink.HOME_ASSISTANT)) {
			sources.add(Source.HOME_ASSISTANT);
			steps.add(Step.ACT);
		}
		if (sinks.isEmpty()) {
			sinks.add(Sink.TERMINAL);
		}
		if (sources.isEmpty()) {
			sources.add(plan.trigger().mode() == Mode.CHAT ? Source.WEB_SEARCH : Source.TIME);
		}
		if (!plan.labels().isEmpty() && plan.unattended()) {
			steps.add(Step.FILTER);
		}
		Trigger trigger = plan.trigger();
		if (trigger.mode() == Mode.EVENT && !sources.contains(Source.HOME_ASSISTANT)) {
			trigger = Trigger.once();
		}
		return new Plan(trigger, sources, steps, sinks, plan.labels(), plan.subject());
	}

	private static <E extends Enum<E>> Set<E> mentioned(Map<E, Pattern> patterns, String text) {
		Set<E> found = new LinkedHashSet<>();
		patterns.forEach((kind, pattern) -> {
			if (pattern.matcher(text).find()) {
				found.add(kind);
			}
		});
		return found;
	}

	/**
	 * Adds what a feedback names to a set, or removes it when the feedback negates it;
	 * with a bare "instead", what it names replaces the messaging sinks.
	 */
	private static <E extends Enum<E>> void apply(Map<E, Pattern> patterns, String text, Set<E> into, boolean replace) {
		patterns.forEach((kind, pattern) -> {
			Matcher matcher = pattern.matcher(text);
			while (matcher.find()) {
				String before = text.substring(Math.max(0, matcher.start() - 30), matcher.start());
				if (NEGATED.matcher(before).find()) {
					into.remove(kind);
				}
				else {
					if (replace) {
						into.removeIf((other) -> other != kind && other != Sink.HOME_ASSISTANT);
					}
					into.add(kind);
				}
			}
		});
	}

	private static List<String> labels(String text) {
		List<String> labels = new ArrayList<>();
		Matcher matcher = LABELS.matcher(text);
		while (matcher.find()) {
			for (int group = 1; group <= 2; group++) {
				String label = matcher.group(group);
				if (label != null && !List.of("a", "an", "the", "with", "by", "as").contains(label)) {
					labels.add(label);
				}
			}
		}
		return List.copyOf(new LinkedHashSet<>(labels));
	}

	private static String subject(String original, Set<Source> sources) {
		if (sources.contains(Source.GITHUB)) {
			Matcher repository = REPOSITORY.matcher(original);
			if (repository.find()) {
				return repository.group(1);
			}
		}
		Matcher entity = ENTITY.matcher(original);
		if (entity.find()) {
			return entity.group(1);
		}
		if (sources.contains(Source.WEATHER)) {
			Matcher place = PLACE.matcher(original);
			if (place.find()) {
				return place.group(1);
			}
		}
		return "";
	}

	private static String watchedEntity(String text) {
		Matcher entity = ENTITY.matcher(text);
		if (entity.find()) {
			return entity.group(1);
		}
		Matcher area = AREA.matcher(text);
		String prefix = area.find() ? area.group().replace(' ', '_') + "_" : "";
		String kind = text.contains("door") ? "door" : text.contains("window") ? "window" : "motion";
		return "binary_sensor." + prefix + kind;
	}

	private static Pattern words(String... phrases) {
		return Pattern.compile("\\b(?:" + String.join("|", phrases) + ")\\b");
	}

}
