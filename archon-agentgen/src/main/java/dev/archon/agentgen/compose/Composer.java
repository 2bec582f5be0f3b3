package dev.archon.agentgen.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.archon.agentgen.compose.Plan.Mode;
import dev.archon.agentgen.compose.Plan.Sink;
import dev.archon.agentgen.compose.Plan.Step;
import org.jspecify.annotations.Nullable;

/**
 * The built-in composer, as the pipeline's steps call it: the scope is the plan, the
 * advice is the tools with their reasons, the coder writes the agent that carries the
 * plan out, and each refiner checks the current files against the plan.
 */
public final class Composer {

	private static final Set<String> STOP_WORDS = Set.of("the", "and", "that", "with", "for", "agent", "which", "who",
			"can", "should", "will", "from", "into", "about", "build", "make", "create", "write", "want", "need",
			"please", "able", "help", "helps", "using", "use", "uses", "this", "when", "what", "are", "all", "any",
			"my", "our", "your", "its", "their", "them", "then", "than", "also", "has", "have", "like", "each", "an",
			"watches", "every", "posts");

	private Composer() {
	}

	/**
	 * The scope: the goal, the plan, the tools and why, the documentation found.
	 * @param request what the step knows
	 * @return Markdown, ending with the plan as JSON
	 */
	public static String scope(Request request) {
		Plan plan = request.plan();
		StringBuilder scope = new StringBuilder("# Scope\n\n## Goal\n").append(request.description().strip())
			.append("\n\n")
			.append(plan.toMarkdown());
		scope.append("\n## Tools\n").append(advice(request));
		scope.append("\n## Documentation\n");
		if (request.pages().isEmpty()) {
			scope.append("- none found; the agent follows Pydantic AI's documented API only\n");
		}
		request.pages()
			.forEach((page) -> scope.append(
					String.format(Locale.ROOT, "- [%s](%s), score %.2f%n", page.title(), page.url(), page.score())));
		scope.append("\n## Plan as JSON\n```json\n").append(PlanLine.json(plan)).append("\n```\n");
		return scope.toString();
	}

	/**
	 * The tools, each with why it was chosen.
	 * @param request what the step knows
	 * @return a Markdown list
	 */
	public static String advice(Request request) {
		if (request.tools().isEmpty()) {
			return "- no library tool fits: the agent works from what it is told\n";
		}
		StringBuilder advice = new StringBuilder();
		request.tools()
			.forEach((tool) -> advice.append("- `")
				.append(tool.name())
				.append("`: ")
				.append(tool.description())
				.append(" Chosen because ")
				.append(tool.reason())
				.append(".\n"));
		return advice.toString();
	}

	/**
	 * The agent's five files.
	 * @param request what the step knows
	 * @return the files by path
	 */
	public static Map<String, String> files(Request request) {
		Composition composition = new Composition(name(request.description()), request.description(), request.plan(),
				request.tools(), request.pages(), Lessons.from(request.pages()));
		return new AgentWriter(composition).files();
	}

	/**
	 * A refiner's review of the current files against the plan: what is missing, or that
	 * nothing is.
	 * @param refiner {@code refine-prompt}, {@code refine-tools} or {@code refine-agent}
	 * @param request what the step knows, with the current files
	 * @return the findings, one per line
	 */
	public static String review(String refiner, Request request) {
		Plan plan = request.plan();
		Map<String, String> files = request.previousFiles();
		String agent = files.getOrDefault("agent.py", "");
		List<String> findings = new ArrayList<>();
		switch (refiner) {
			case "refine-prompt" -> {
				String prompts = files.getOrDefault("agent_prompts.py", "");
				request.tools()
					.stream()
					.filter((tool) -> !prompts.contains(tool.name()))
					.forEach((tool) -> findings.add("The instructions do not name the tool " + tool.name() + "."));
				if (plan.unattended() && !prompts.contains("TASK")) {
					findings.add("An agent that runs on its own needs a TASK for each run.");
				}
			}
			case "refine-tools" -> {
				String tools = files.getOrDefault("agent_tools.py", "");
				request.tools()
					.stream()
					.filter((tool) -> !tools.contains("async def " + tool.name() + "("))
					.forEach((tool) -> findings
						.add("agent_tools.py lacks " + tool.name() + ", which " + tool.reason() + "."));
			}
			default -> {
				Mode mode = plan.trigger().mode();
				if ((mode == Mode.SCHEDULE || mode == Mode.EVENT) && !agent.contains("--once")) {
					findings.add("agent.py has no --once entry point for a run without a person.");
				}
				if (mode == Mode.SCHEDULE && !agent.contains(String.valueOf(plan.trigger().cron()))) {
					findings.add("agent.py does not run on the schedule " + plan.trigger().cron() + ".");
				}
				if (plan.steps().contains(Step.FILTER) && !agent.contains("STATE_FILE")) {
					findings.add("agent.py does not keep what it reported, so it cannot report only what is new.");
				}
				for (Sink sink : plan.sinks()) {
					if (!agent.contains(sinkCall(sink))) {
						findings.add("agent.py does not deliver to " + sink.label() + ".");
					}
				}
			}
		}
		return findings.isEmpty() ? refiner + ": the files carry out the plan; nothing to change."
				: refiner + ":\n- " + String.join("\n- ", findings);
	}

	private static String sinkCall(Sink sink) {
		return switch (sink) {
			case SLACK -> "send_to_slack(";
			case DISCORD -> "send_to_discord(";
			case FILE -> "write_to_file(";
			case TERMINAL -> "print(";
			case HOME_ASSISTANT -> "TOOLS";
		};
	}

	static String name(String description) {
		List<String> words = new ArrayList<>();
		for (String word : description.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
			if (word.length() > 2 && !STOP_WORDS.contains(word) && words.size() < 3) {
				words.add(word);
			}
		}
		return words.isEmpty() ? "assistant" : String.join("_", words);
	}

	/**
	 * What a step of the pipeline knows.
	 *
	 * @param description the user's description
	 * @param feedback the user's feedback on the previous version, if any
	 * @param previousFiles the files of the version being refined or reviewed
	 * @param tools the chosen tools, each with why
	 * @param pages the documentation retrieved
	 */
	public record Request(String description, @Nullable String feedback, Map<String, String> previousFiles,
			List<AgentTool> tools, List<Page> pages) {

		Plan plan() {
			return Planner.current(this.description, this.feedback, this.previousFiles);
		}

	}

}
