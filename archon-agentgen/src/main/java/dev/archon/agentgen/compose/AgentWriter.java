package dev.archon.agentgen.compose;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.archon.agentgen.compose.Plan.Mode;
import dev.archon.agentgen.compose.Plan.Sink;
import dev.archon.agentgen.compose.Plan.Source;
import dev.archon.agentgen.compose.Plan.Step;
import org.jspecify.annotations.Nullable;

/**
 * Writes the five files of an agent that carries out a plan, in Pydantic AI 2 as its
 * documentation shows it: the model named with its provider prefix, {@code instructions},
 * the tools passed as {@code tools=}, and a Pydantic {@code output_type} for the report
 * of an agent that runs on its own.
 */
final class AgentWriter {

	/**
	 * The model when LLM_MODEL is not set: the name Pydantic AI 2's documentation uses.
	 */
	static final String DEFAULT_MODEL = "openai:gpt-5.2";

	private static final Pattern EXAMPLE_VALUE = Pattern.compile("e\\.g\\. (https?://\\S+)");

	private static final Pattern PACKAGE = Pattern.compile("^([A-Za-z0-9][A-Za-z0-9._-]*)");

	private final Composition agent;

	private final Plan plan;

	AgentWriter(Composition agent) {
		this.agent = agent;
		this.plan = agent.plan();
	}

	Map<String, String> files() {
		Map<String, String> files = new LinkedHashMap<>();
		files.put("agent.py", agentPy());
		files.put("agent_tools.py", toolsPy());
		files.put("agent_prompts.py", promptsPy());
		files.put(".env.example", envExample());
		files.put("requirements.txt", requirements());
		return files;
	}

	private boolean has(Step step) {
		return this.plan.steps().contains(step);
	}

	private boolean has(Sink sink) {
		return this.plan.sinks().contains(sink);
	}

	private String agentPy() {
		StringBuilder code = new StringBuilder();
		code.append(header());
		code.append(imports());
		code.append("""

				load_dotenv()

				# The model, as Pydantic AI names it: "openai:gpt-5.2", "anthropic:claude-sonnet-4-6", or a
				# model of a local Ollama server such as "ollama:qwen3" (with OLLAMA_BASE_URL set).
				MODEL = os.getenv("LLM_MODEL", "%s")
				""".formatted(DEFAULT_MODEL));
		if (this.plan.unattended()) {
			code.append(settings()).append(outputTypes());
		}
		code.append(agentDefinition());
		if (this.plan.unattended()) {
			if (has(Step.FILTER)) {
				code.append(state());
			}
			code.append(formatting()).append(delivery()).append(run());
			if (this.plan.trigger().mode() == Mode.SCHEDULE) {
				code.append(schedule());
			}
			if (this.plan.trigger().mode() == Mode.EVENT) {
				code.append(events());
			}
		}
		else {
			code.append(chat());
		}
		code.append(main());
		code.append("\n\n").append(PlanLine.write(this.plan)).append('\n');
		return code.toString();
	}

	private String header() {
		StringBuilder doc = new StringBuilder();
		doc.append(this.agent.name()).append(": ").append(this.agent.description().strip()).append("\n\n");
		doc.append("Written by Archon's built-in composer. Copy .env.example to .env and fill it in first.\n\n");
		switch (this.plan.trigger().mode()) {
			case CHAT -> doc.append("How it runs: on demand, as a chat.\n    python agent.py\n");
			case ONCE -> doc.append("How it runs: once, then exits.\n    python agent.py\n");
			case SCHEDULE -> doc.append("How it runs: on the schedule SCHEDULE, a cron line (default `")
				.append(this.plan.trigger().cron())
				.append("`, ")
				.append(Schedules.describe(this.plan.trigger().cron()))
				.append(").\n")
				.append("    python agent.py --once    run once now and exit\n")
				.append("    python agent.py           keep running: an asyncio loop wakes each minute and runs\n")
				.append("                              when the cron line matches the local time\n")
				.append("    or from cron:  ")
				.append(this.plan.trigger().cron())
				.append(" cd /path/to/agent && python agent.py --once\n");
			case EVENT -> doc.append("How it runs: on an event, when Home Assistant's WATCH_ENTITY (default `")
				.append(this.plan.trigger().entity())
				.append("`)\nchanges to TRIGGER_STATE, followed on archon-ha-bridge's event stream.\n")
				.append("    python agent.py           follow the events until stopped\n")
				.append("    python agent.py --once    decide once now and exit\n");
		}
		doc.append("\nPlan:\n");
		doc.append(this.plan.toMarkdown().replace("## Plan\n", "").replace("**", ""));
		List<Page> used = this.agent.lessons().used();
		if (!used.isEmpty()) {
			// Only the pages the code quotes: a page named here is a page used.
			doc.append("\nDocumentation this code follows (retrieval score), quoted where it is used:\n");
			used.forEach((page) -> doc
				.append(String.format(Locale.ROOT, "- %s %s (%.2f)%n", page.title(), page.url(), page.score())));
		}
		return "\"\"\"" + docstring(doc.toString()) + "\"\"\"\n\n";
	}

	private String imports() {
		StringBuilder imports = new StringBuilder(
				"from __future__ import annotations\n\nimport argparse\nimport asyncio\n");
		boolean json = has(Step.FILTER) || this.plan.trigger().mode() == Mode.EVENT;
		if (json) {
			imports.append("import json\n");
		}
		imports.append("import os\n");
		if (this.plan.unattended()) {
			imports.append("from datetime import datetime, timezone\n");
		}
		if (has(Step.FILTER) || has(Sink.FILE)) {
			imports.append("from pathlib import Path\n");
		}
		imports.append("\nimport httpx\nfrom dotenv import load_dotenv\n");
		if (this.plan.unattended()) {
			imports.append("from pydantic import BaseModel\n");
		}
		imports.append("from pydantic_ai import Agent\n\n");
		imports.append(this.plan.unattended() ? "from agent_prompts import INSTRUCTIONS, TASK\n"
				: "from agent_prompts import INSTRUCTIONS\n");
		imports.append("from agent_tools import TOOLS, Deps\n");
		return imports.toString();
	}

	private String settings() {
		StringBuilder settings = new StringBuilder();
		if (needsSubject()) {
			settings.append("# What the runs are about; TASK in agent_prompts.py says what to do with it.\n");
			settings.append("SUBJECT = os.getenv(\"")
				.append(subjectVariable())
				.append("\", ")
				.append(python(subject()))
				.append(")\n");
		}
		if (this.plan.trigger().mode() == Mode.SCHEDULE) {
			settings.append("# minute hour day-of-month month day-of-week, in local time\n");
			settings.append("SCHEDULE = os.getenv(\"SCHEDULE\", \"").append(this.plan.trigger().cron()).append("\")\n");
		}
		if (this.plan.trigger().mode() == Mode.EVENT) {
			settings.append("WATCH_ENTITY = os.getenv(\"WATCH_ENTITY\", \"")
				.append(this.plan.trigger().entity())
				.append("\")\nTRIGGER_STATE = os.getenv(\"TRIGGER_STATE\", \"on\")\n");
		}
		if (!this.plan.labels().isEmpty()) {
			settings.append("# Only items that carry one of these labels are reported.\nONLY_LABELS = {")
				.append(String.join(", ", this.plan.labels().stream().map(AgentWriter::python).toList()))
				.append("}\n");
		}
		return "\n" + settings;
	}

	/** Whether the task names what the runs are about: a repository, a place, a topic. */
	private boolean needsSubject() {
		return this.plan.sources()
			.stream()
			.anyMatch((source) -> source != Source.HOME_ASSISTANT && source != Source.TIME);
	}

	/**
	 * What the runs are about: what the description names, or for a topic the description
	 * itself; a repository or a place that it does not name is left for the user to set.
	 */
	private String subject() {
		if (!this.agent.subject().isEmpty() || this.plan.sources().contains(Source.GITHUB)
				|| this.plan.sources().contains(Source.WEATHER)) {
			return this.agent.subject();
		}
		String description = this.agent.description().strip().replaceAll("\\s+", " ");
		return (description.length() > 200) ? description.substring(0, 200) : description;
	}

	private String subjectVariable() {
		if (this.plan.sources().contains(Source.GITHUB)) {
			return "GITHUB_REPOSITORY";
		}
		if (this.plan.sources().contains(Source.WEATHER)) {
			return "WEATHER_PLACE";
		}
		return "AGENT_TOPIC";
	}

	private String outputTypes() {
		StringBuilder types = new StringBuilder("""


				class Item(BaseModel):
				    \"\"\"One thing worth reporting.\"\"\"

				    id: str  # the same from run to run: an issue number, a URL, an entity and its state
				    title: str
				    summary: str
				    url: str = ""
				""");
		if (!this.plan.labels().isEmpty() || this.plan.sources().contains(Source.GITHUB)) {
			types.append("    labels: list[str] = []\n");
		}
		types.append("""


				class Report(BaseModel):
				    \"\"\"What one run found, and what it did.\"\"\"

				    headline: str
				    items: list[Item]
				    actions_taken: list[str] = []
				""");
		return types.toString();
	}

	private String agentDefinition() {
		Lessons lessons = this.agent.lessons();
		StringBuilder definition = new StringBuilder("\n\nagent = Agent(\n    MODEL,\n");
		definition.append(lessons.comment("instructions=", "    ")).append("    instructions=INSTRUCTIONS,\n");
		definition.append(lessons.comment("deps_type=", "    ")).append("    deps_type=Deps,\n");
		definition.append(lessons.comment("tools=", "    ")).append("    tools=TOOLS,\n");
		if (this.plan.unattended()) {
			definition.append(lessons.comment("output_type=", "    ")).append("    output_type=Report,\n");
		}
		return definition.append("    retries=2,\n)\n").toString();
	}

	private String state() {
		return """


				STATE_FILE = Path(os.getenv("STATE_FILE", ".agent_state.json"))


				def load_seen() -> set[str]:
				    \"\"\"The ids that earlier runs reported.\"\"\"
				    if not STATE_FILE.exists():
				        return set()
				    return set(json.loads(STATE_FILE.read_text(encoding="utf-8")).get("seen", []))


				def save_seen(seen: set[str]) -> None:
				    \"\"\"Remembers what was reported, so the next run reports only what is new.\"\"\"
				    state = {"seen": sorted(seen)[-5000:], "last_run": datetime.now(timezone.utc).isoformat()}
				    STATE_FILE.write_text(json.dumps(state, indent=1), encoding="utf-8")
				""";
	}

	private String formatting() {
		StringBuilder code = new StringBuilder();
		if (!this.plan.labels().isEmpty()) {
			code.append("""


					def wanted(item: Item) -> bool:
					    \"\"\"Whether an item carries one of ONLY_LABELS.\"\"\"
					    return bool(ONLY_LABELS & {label.lower() for label in item.labels})
					""");
		}
		String name = has(Step.DIGEST) ? "format_digest" : "format_report";
		String doc = has(Step.DIGEST) ? "The whole run as one message: a headline, then one line per item."
				: "The run's report: a headline, then one paragraph per item.";
		code.append("""


				def %s(report: Report, items: list[Item]) -> str:
				    \"\"\"%s\"\"\"
				    lines = [f"*{report.headline}* ({len(items)} item{'s' if len(items) != 1 else ''})"]
				    for item in items:
				        link = f" <{item.url}>" if item.url else ""
				        lines.append(f"- {item.title}{link}: {item.summary}")
				    lines += [f"- done: {action}" for action in report.actions_taken]
				    return "\\n".join(lines)
				""".formatted(name, doc));
		return code.toString();
	}

	private String delivery() {
		StringBuilder code = new StringBuilder();
		StringBuilder calls = new StringBuilder();
		if (has(Sink.SLACK)) {
			code.append(webhook("slack", "SLACK_WEBHOOK_URL", "Slack", "{\"text\": text}", "."));
			calls.append("    await send_to_slack(http, text)\n");
		}
		if (has(Sink.DISCORD)) {
			code.append(webhook("discord", "DISCORD_WEBHOOK_URL", "Discord", "{\"content\": text[:2000]}",
					", cut to the 2,000 characters Discord accepts."));
			calls.append("    await send_to_discord(http, text)\n");
		}
		if (has(Sink.FILE)) {
			code.append("""


					def write_to_file(text: str) -> None:
					    \"\"\"Appends the message to OUTPUT_FILE, under the time of the run.\"\"\"
					    path = Path(os.getenv("OUTPUT_FILE", "report.md"))
					    with path.open("a", encoding="utf-8") as out:
					        out.write(f"\\n## {datetime.now().isoformat(timespec='minutes')}\\n\\n{text}\\n")
					""");
			calls.append("    write_to_file(text)\n");
		}
		if (has(Sink.TERMINAL) || calls.isEmpty()) {
			calls.append("    print(text)\n");
		}
		code.append("""


				async def deliver(http: httpx.AsyncClient, text: str) -> None:
				    \"\"\"Sends the message everywhere the plan says.\"\"\"
				""").append(calls);
		return code.toString();
	}

	private static String webhook(String name, String variable, String service, String body, String note) {
		return """


				async def send_to_%s(http: httpx.AsyncClient, text: str) -> None:
				    \"\"\"Posts the message to %s through its webhook%s\"\"\"
				    url = os.getenv("%s", "")
				    if not url:
				        raise SystemExit("Set %s in .env to post to %s.")
				    response = await http.post(url, json=%s)
				    response.raise_for_status()
				""".formatted(name, service, note, variable, variable, service, body);
	}

	private String run() {
		boolean filter = has(Step.FILTER);
		boolean event = this.plan.trigger().mode() == Mode.EVENT;
		StringBuilder code = new StringBuilder("\n\nasync def run_once(http: httpx.AsyncClient"
				+ (event ? ", event: str = \"no change yet: check the current states\"" : "") + ") -> None:\n");
		code.append("    \"\"\"One run: ask the agent")
			.append(filter ? ", keep what is new" : "")
			.append(", deliver one message.\"\"\"\n");
		code.append(filter ? "    seen = load_seen()\n" : "");
		if (needsSubject() && subject().isEmpty()) {
			code.append("    if not SUBJECT:\n        raise SystemExit(\"Set ")
				.append(subjectVariable())
				.append(" in .env: what the runs are about.\")\n");
		}
		code.append(needsSubject() ? "    task = TASK.replace(\"{subject}\", SUBJECT)\n" : "    task = TASK\n");
		if (event) {
			code.append("    task += f\"\\n\\nWhat happened: {event}.\"\n");
		}
		if (filter) {
			code.append(
					"    task += \"\\n\\nAlready reported, leave out: \" + (\", \".join(sorted(seen)[-200:]) or \"nothing yet\")\n");
		}
		code.append("    result = await agent.run(task, deps=Deps(http=http))\n");
		code.append("    report = result.output\n");
		String keep = filter ? "item.id not in seen" : "";
		if (!this.plan.labels().isEmpty()) {
			keep = keep.isEmpty() ? "wanted(item)" : keep + " and wanted(item)";
		}
		code.append(keep.isEmpty() ? "    items = report.items\n"
				: "    items = [item for item in report.items if " + keep + "]\n");
		code.append(
				"    if not items and not report.actions_taken:\n        print(\"Nothing new to report.\")\n        return\n");
		code.append("    await deliver(http, ")
			.append(has(Step.DIGEST) ? "format_digest" : "format_report")
			.append("(report, items))\n");
		if (filter) {
			code.append("    save_seen(seen | {item.id for item in items})\n");
		}
		return code.toString();
	}

	private String schedule() {
		return """


				def cron_matches(cron: str, moment: datetime) -> bool:
				    \"\"\"Whether a five-field cron line (numbers, *, */n, a-b and lists) names this minute.\"\"\"
				    values = (moment.minute, moment.hour, moment.day, moment.month, moment.isoweekday() % 7)
				    return all(field_matches(field, value) for field, value in zip(cron.split(), values))


				def field_matches(field: str, value: int) -> bool:
				    \"\"\"Whether one cron field names a value.\"\"\"
				    for part in field.split(","):
				        if part == "*":
				            return True
				        if part.startswith("*/"):
				            if value % int(part[2:]) == 0:
				                return True
				        elif "-" in part:
				            low, high = part.split("-")
				            if int(low) <= value <= int(high):
				                return True
				        elif int(part) == value:
				            return True
				    return False


				async def run_on_schedule(http: httpx.AsyncClient) -> None:
				    \"\"\"Wakes at the start of each minute and runs when SCHEDULE names it, until stopped.\"\"\"
				    while True:
				        now = datetime.now()
				        await asyncio.sleep(60 - now.second - now.microsecond / 1_000_000)
				        if cron_matches(SCHEDULE, datetime.now()):
				            try:
				                await run_once(http)
				            except Exception as error:  # one failed run must not end the schedule
				                print(f"The run failed: {error}")
				""";
	}

	private String events() {
		return """


				async def follow_events(http: httpx.AsyncClient) -> None:
				    \"\"\"Follows archon-ha-bridge's server-sent state changes of WATCH_ENTITY, and runs on each
				    change to TRIGGER_STATE; reconnects when the stream drops.\"\"\"
				    base = os.getenv("HA_BRIDGE_URL", "http://localhost:8080").rstrip("/")
				    headers = {"Authorization": f"Bearer {os.getenv('HA_BRIDGE_API_KEY', '')}"}
				    while True:
				        try:
				            async with http.stream(
				                "GET", f"{base}/api/v1/ha/events", params={"entity_id": WATCH_ENTITY}, headers=headers, timeout=None
				            ) as stream:
				                async for line in stream.aiter_lines():
				                    if not line.startswith("data:"):
				                        continue
				                    change = json.loads(line[5:])
				                    state = (change.get("new_state") or {}).get("state")
				                    if state == TRIGGER_STATE:
				                        await run_once(http, f"{WATCH_ENTITY} changed to {state}")
				        except httpx.HTTPError as error:
				            print(f"Lost the bridge's event stream ({error}); reconnecting in 5 s")
				            await asyncio.sleep(5)
				""";
	}

	private String chat() {
		return """


				async def chat(http: httpx.AsyncClient) -> None:
				    \"\"\"Answers at a prompt until exit, keeping the conversation between turns.\"\"\"
				    deps = Deps(http=http)
				    history = []
				    while True:
				        try:
				            question = input("> ").strip()
				        except EOFError:
				            break
				        if question in {"exit", "quit"}:
				            break
				        if not question:
				            continue
				        result = await agent.run(question, deps=deps, message_history=history)
				        history = result.all_messages()
				        print(result.output)
				""";
	}

	private String main() {
		Mode mode = this.plan.trigger().mode();
		StringBuilder code = new StringBuilder("""


				async def main() -> None:
				    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
				""");
		String body = switch (mode) {
			case CHAT -> "        await chat(http)\n";
			case ONCE -> "        await run_once(http)\n";
			case SCHEDULE -> "        if args.once:\n            await run_once(http)\n        else:\n"
					+ "            await run_on_schedule(http)\n";
			case EVENT -> "        if args.once:\n            await run_once(http)\n        else:\n"
					+ "            await follow_events(http)\n";
		};
		if (mode == Mode.SCHEDULE || mode == Mode.EVENT) {
			code.append("    parser.add_argument(\"--once\", action=\"store_true\", help=\"run once now and exit\")\n");
			code.append("    args = parser.parse_args()\n");
		}
		else {
			code.append("    parser.parse_args()\n");
		}
		code.append("    async with httpx.AsyncClient(timeout=30) as http:\n").append(body);
		code.append("\n\nif __name__ == \"__main__\":\n    asyncio.run(main())\n");
		return code.toString();
	}

	private String toolsPy() {
		StringBuilder code = new StringBuilder();
		code.append("\"\"\"Tools of the ").append(this.agent.name()).append(" agent, from Archon's library.\n\n");
		code.append("Each takes the run context first, to reach the shared HTTP client. Why each is here:\n");
		this.agent.tools()
			.forEach((tool) -> code.append("- ")
				.append(tool.name())
				.append(": ")
				.append(docstring(tool.reason()))
				.append('\n'));
		code.append("\"\"\"\n\nfrom __future__ import annotations\n\nimport os\nfrom dataclasses import dataclass\n\n");
		code.append("import httpx\nfrom pydantic_ai import RunContext\n\n\n");
		code.append(
				"@dataclass\nclass Deps:\n    \"\"\"What every tool call can reach.\"\"\"\n\n    http: httpx.AsyncClient\n");
		for (AgentTool tool : this.agent.tools()) {
			code.append("\n\n").append(tool.code().strip()).append('\n');
		}
		code.append("\n\nTOOLS = [")
			.append(String.join(", ", this.agent.tools().stream().map(AgentTool::name).toList()))
			.append("]\n");
		return code.toString();
	}

	private String promptsPy() {
		StringBuilder instructions = new StringBuilder();
		instructions.append("You are an agent built for this purpose:\n").append(this.agent.description().strip());
		instructions.append("\n\n")
			.append(this.plan.toMarkdown().replace("## Plan\n", "How you work:\n").replace("**", ""));
		instructions.append("\nUse your tools rather than guessing:\n");
		this.agent.tools()
			.forEach((tool) -> instructions.append("- ")
				.append(tool.name())
				.append(": ")
				.append(tool.description())
				.append('\n'));
		instructions.append("\nSay plainly when a tool fails. Never invent items, numbers or links.");
		StringBuilder code = new StringBuilder("\"\"\"What the agent is told: its instructions");
		code.append(this.plan.unattended() ? ", and the task of each run.\"\"\"\n\n" : ".\"\"\"\n\n");
		code.append("INSTRUCTIONS = ").append(pythonString(instructions.toString())).append('\n');
		if (this.plan.unattended()) {
			code.append("\n# {subject} is replaced with SUBJECT from agent.py at each run.\nTASK = ")
				.append(pythonString(task()))
				.append('\n');
		}
		return code.toString();
	}

	private String task() {
		StringBuilder task = new StringBuilder();
		for (Source source : this.plan.sources().stream().sorted().toList()) {
			task.append(switch (source) {
				case GITHUB ->
					"List the open issues of the GitHub repository {subject}; each issue is an item whose id is its number and whose labels are the issue's.\n";
				case WEB_SEARCH ->
					"Search the web for the latest on {subject}; each result worth reading is an item whose id is its URL.\n";
				case WEB_PAGE ->
					"Fetch the pages about {subject} and read them; each finding is an item whose id is the page's URL.\n";
				case HOME_ASSISTANT ->
					"Read the Home Assistant states that matter here; each notable state is an item whose id is the entity id and its state.\n";
				case DOCS ->
					"Search the documentation for {subject}; each relevant passage is an item whose id is its URL.\n";
				case TIME -> "Take the current date and time into account.\n";
				case WEATHER ->
					"Get the weather for {subject}; the forecast is an item whose id is the place and today's date.\n";
			});
		}
		if (has(Step.SUMMARISE)) {
			task.append("Summarise each item in one or two sentences.\n");
		}
		if (has(Step.DECIDE)) {
			task.append("Decide whether anything calls for action, and say why in the headline.\n");
		}
		if (has(Step.ACT)) {
			task.append("When it does, act with ha_call_service, and list each call in actions_taken.\n");
		}
		if (!this.plan.labels().isEmpty()) {
			task.append("Only items labelled ").append(String.join(" or ", this.plan.labels())).append(" matter.\n");
		}
		task.append("Answer with a Report: a headline and the items.");
		return task.toString();
	}

	private String envExample() {
		StringBuilder env = new StringBuilder();
		env.append("# Copy this file to .env and fill it in; never commit .env. A line left commented out\n");
		env.append("# keeps the code's default: an empty value would replace it with \"\".\n\n");
		env.append("# The model, as Pydantic AI names it: openai:gpt-5.2, anthropic:claude-sonnet-4-6, or a local\n");
		env.append("# Ollama model such as ollama:qwen3 (then set OLLAMA_BASE_URL).\n");
		env.append("LLM_MODEL=").append(DEFAULT_MODEL).append("\n# The key of the model's provider.\n");
		env.append("# OPENAI_API_KEY=\n# ANTHROPIC_API_KEY=\n# OLLAMA_BASE_URL=http://localhost:11434/v1\n");
		env.append(
				"# Or Archon's gateway, which fails over between Archon's providers: LLM_MODEL=openai:archon-primary,\n");
		env.append("# OPENAI_API_KEY set to your Archon API key, and\n# OPENAI_BASE_URL=http://localhost:8080/v1\n");
		Map<String, String> variables = new LinkedHashMap<>();
		for (AgentTool tool : this.agent.tools()) {
			tool.environment().forEach(variables::putIfAbsent);
		}
		if (this.plan.unattended() && needsSubject()) {
			variables.put(subjectVariable(), "What the runs are about, such as owner/repository, a city or a topic");
		}
		if (has(Sink.SLACK)) {
			variables.putIfAbsent("SLACK_WEBHOOK_URL",
					"A Slack incoming webhook URL, from your Slack app's Incoming Webhooks page");
		}
		if (has(Sink.DISCORD)) {
			variables.put("DISCORD_WEBHOOK_URL", "A Discord webhook URL, from the channel's Integrations settings");
		}
		variables.forEach((variable, comment) -> {
			env.append("\n# ").append(comment).append('\n');
			String value = defaultValue(variable, comment);
			env.append(value.isEmpty() ? "# " + variable + "=" : variable + "=" + envValue(value)).append('\n');
		});
		if (this.plan.trigger().mode() == Mode.SCHEDULE) {
			env.append("\n# When to run, as a cron line in local time.\nSCHEDULE=")
				.append(envValue(this.plan.trigger().cron()))
				.append('\n');
		}
		if (this.plan.trigger().mode() == Mode.EVENT) {
			env.append("\n# The entity whose change starts a run, and the state that does.\nWATCH_ENTITY=")
				.append(this.plan.trigger().entity())
				.append("\nTRIGGER_STATE=on\n");
		}
		if (has(Step.FILTER)) {
			env.append("\n# Where the ids already reported are kept between runs.\nSTATE_FILE=.agent_state.json\n");
		}
		if (has(Sink.FILE)) {
			env.append("\n# The Markdown file each run appends to.\nOUTPUT_FILE=report.md\n");
		}
		return env.toString();
	}

	/**
	 * A value as python-dotenv reads it back unchanged: quoted, with its quotes and
	 * backslashes escaped, unless it is one plain word.
	 */
	private static String envValue(@Nullable String value) {
		String text = String.valueOf(value);
		if (text.matches("[\\w./:@-]+")) {
			return text;
		}
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	private String defaultValue(String variable, String comment) {
		if (variable.equals(subjectVariable()) && needsSubject()) {
			return subject();
		}
		Matcher example = EXAMPLE_VALUE.matcher(comment);
		return example.find() ? example.group(1).replaceAll("[.,;)]+$", "") : "";
	}

	private String requirements() {
		Map<String, String> packages = new LinkedHashMap<>();
		// Pydantic AI 2.0 (June 2026) is the version the documentation describes; 3 may
		// break it.
		for (String requirement : List.of("pydantic-ai>=2.0,<3", "pydantic>=2.10,<3", "python-dotenv>=1.0,<2",
				"httpx>=0.27,<1")) {
			packages.put(name(requirement), requirement);
		}
		this.agent.tools()
			.forEach((tool) -> tool.requirements()
				.forEach((requirement) -> packages.putIfAbsent(name(requirement), requirement)));
		return String.join("\n", packages.values()) + "\n";
	}

	private static String name(String requirement) {
		Matcher name = PACKAGE.matcher(requirement.strip());
		return name.find() ? name.group(1).toLowerCase(Locale.ROOT) : requirement;
	}

	/** Text safe inside a triple-quoted docstring. */
	private static String docstring(String text) {
		return text.replace("\\", "\\\\").replace("\"\"\"", "\\\"\\\"\\\"");
	}

	/**
	 * A Python string literal, one quoted line per line of text, so that nothing in the
	 * text is code.
	 */
	static String pythonString(String text) {
		StringBuilder literal = new StringBuilder("(\n");
		String[] lines = text.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			literal.append("    ").append(python(lines[i] + ((i < lines.length - 1) ? "\n" : ""))).append('\n');
		}
		return literal.append(")").toString();
	}

	/** A one-line Python string literal. */
	static String python(String text) {
		StringBuilder literal = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '\\' -> literal.append("\\\\");
				case '"' -> literal.append("\\\"");
				case '\n' -> literal.append("\\n");
				case '\r' -> literal.append("\\r");
				case '\t' -> literal.append("\\t");
				default -> literal.append((c < 0x20) ? String.format("\\x%02x", (int) c) : String.valueOf(c));
			}
		}
		return literal.append('"').toString();
	}

}
