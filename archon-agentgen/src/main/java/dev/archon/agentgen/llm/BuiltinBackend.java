package dev.archon.agentgen.llm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.archon.agentgen.llm.LlmCall.TemplateInput;
import dev.archon.agentgen.llm.LlmCall.Tool;

/**
 * The built-in template provider: no network, no model. From the description, the scope,
 * the chosen tools and the retrieved documents it writes a plain but correct Pydantic AI
 * agent, in the same answer format as a model, so that the pipeline treats both alike.
 */
final class BuiltinBackend implements Backend {

	static final String MODEL = "templates-v1";

	private static final Tool CURRENT_TIME = new Tool("current_time", "The current date and time in UTC.", """
			async def current_time(ctx: RunContext[Deps]) -> str:
			    \"\"\"Return the current date and time in UTC, in ISO 8601.\"\"\"
			    from datetime import datetime, timezone

			    return datetime.now(timezone.utc).isoformat()
			""", List.of(), Map.of());

	@Override
	public Reply answer(LlmCall call, String model, Duration firstTokenTimeout, Duration timeout) {
		String text = switch (call.step()) {
			case "scope" -> scope(call.template());
			case "advisor" -> advice(call.template());
			case "coder" -> files(call.template());
			case "refine-prompt" -> "Keep the system prompt short and specific; name each tool and when to use it.";
			case "refine-tools" -> "Each tool returns text the model can quote, and reports failures as text.";
			case "refine-agent" -> "Keep the conversation history between turns; retry a failed tool call twice.";
			default -> "The built-in provider answers pipeline steps only.";
		};
		return new Reply(text, Tokens.estimate(call.system()) + Tokens.estimate(call.user()), Tokens.estimate(text),
				Duration.ZERO);
	}

	static String agentName(String description) {
		List<String> words = new ArrayList<>();
		for (String word : description.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
			if (word.length() > 2 && !STOP_WORDS.contains(word) && words.size() < 3) {
				words.add(word);
			}
		}
		return words.isEmpty() ? "assistant" : String.join("_", words);
	}

	private static final Set<String> STOP_WORDS = Set.of("the", "and", "that", "with", "for", "agent", "which", "who",
			"can", "should", "will", "from", "into", "about", "build", "make", "create", "write", "want", "need",
			"please", "able", "help", "helps", "using", "use", "uses", "this", "when", "what", "are", "all", "any",
			"my", "our", "your", "its", "their", "them", "then", "than", "also", "has", "have", "like", "each");

	private static String scope(TemplateInput input) {
		StringBuilder scope = new StringBuilder();
		scope.append("# Scope\n\n## Goal\n").append(input.description().strip()).append("\n\n## Tools\n");
		for (Tool tool : tools(input)) {
			scope.append("- `").append(tool.name()).append("`: ").append(tool.description()).append('\n');
		}
		scope.append("\n## Documentation\n");
		if (input.documents().isEmpty()) {
			scope.append("- none retrieved; the agent relies on Pydantic AI's public API only\n");
		}
		input.documents().forEach((document) -> scope.append("- ").append(document).append('\n'));
		scope.append("\n## Files\nagent.py, agent_tools.py, agent_prompts.py, .env.example, requirements.txt\n");
		return scope.toString();
	}

	private static String advice(TemplateInput input) {
		StringBuilder advice = new StringBuilder("Recommended tools from the library:\n");
		tools(input).forEach((tool) -> advice.append("- ").append(tool.name()).append('\n'));
		return advice.toString();
	}

	private static List<Tool> tools(TemplateInput input) {
		return input.tools().isEmpty() ? List.of(CURRENT_TIME) : input.tools();
	}

	private static String files(TemplateInput input) {
		List<Tool> tools = tools(input);
		String name = agentName(input.description());
		Map<String, String> files = new LinkedHashMap<>();
		files.put("agent.py", agentPy(name, input));
		files.put("agent_tools.py", toolsPy(name, tools));
		files.put("agent_prompts.py", promptsPy(input, tools));
		files.put(".env.example", envExample(tools));
		files.put("requirements.txt", requirements(tools));
		return FileBlocks.render(files);
	}

	private static String agentPy(String name, TemplateInput input) {
		return """
				\"\"\"%s: a Pydantic AI agent written by Archon's built-in templates.

				Run it with `python agent.py` after copying .env.example to .env.
				\"\"\"

				from __future__ import annotations

				import asyncio
				import os

				import httpx
				from dotenv import load_dotenv
				from pydantic_ai import Agent

				from agent_prompts import SYSTEM_PROMPT
				from agent_tools import TOOLS, Deps

				load_dotenv()

				agent = Agent(
				    os.getenv("LLM_MODEL", "openai:gpt-4o-mini"),
				    system_prompt=SYSTEM_PROMPT,
				    deps_type=Deps,
				    tools=TOOLS,
				    retries=2,
				)


				async def main() -> None:
				    async with httpx.AsyncClient(timeout=30) as http:
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


				if __name__ == "__main__":
				    asyncio.run(main())
				""".formatted(name);
	}

	private static String toolsPy(String name, List<Tool> tools) {
		StringBuilder code = new StringBuilder();
		code.append("\"\"\"Tools of the ").append(name).append(" agent.\n\n");
		code.append("Each takes the run context first, to reach the shared HTTP client.\n\"\"\"\n\n");
		code.append("from __future__ import annotations\n\nimport os\nfrom dataclasses import dataclass\n\n");
		code.append("import httpx\nfrom pydantic_ai import RunContext\n\n\n");
		code.append(
				"@dataclass\nclass Deps:\n    \"\"\"What every tool call can reach.\"\"\"\n\n    http: httpx.AsyncClient\n");
		for (Tool tool : tools) {
			code.append("\n\n").append(tool.code().strip()).append('\n');
		}
		code.append("\n\nTOOLS = [");
		code.append(String.join(", ", tools.stream().map(Tool::name).toList()));
		code.append("]\n");
		return code.toString();
	}

	private static String promptsPy(TemplateInput input, List<Tool> tools) {
		StringBuilder prompt = new StringBuilder();
		prompt.append("You are an assistant built for this purpose:\n")
			.append(input.description().strip())
			.append("\n\n");
		prompt.append("Use your tools rather than guessing:\n");
		tools.forEach(
				(tool) -> prompt.append("- ").append(tool.name()).append(": ").append(tool.description()).append('\n'));
		prompt.append("\nSay plainly when a tool fails or when you do not know. Be brief.");
		if (input.feedback() != null) {
			prompt.append("\n\nThe user asked for this change: ").append(input.feedback().strip());
		}
		return "\"\"\"The system prompt of the agent.\"\"\"\n\nSYSTEM_PROMPT = " + pythonString(prompt.toString())
				+ "\n";
	}

	private static String envExample(List<Tool> tools) {
		StringBuilder env = new StringBuilder();
		env.append("# Copy this file to .env and fill it in. Never commit .env.\n\n");
		env.append("# The model, as Pydantic AI names it: openai:gpt-4o-mini, anthropic:claude-3-5-haiku-latest,\n");
		env.append("# or an OpenAI-compatible local server such as Ollama (set OPENAI_BASE_URL too).\n");
		env.append("LLM_MODEL=openai:gpt-4o-mini\n\n# The key of the model's provider.\nOPENAI_API_KEY=\n");
		Set<String> seen = new LinkedHashSet<>();
		for (Tool tool : tools) {
			tool.environment().forEach((variable, comment) -> {
				if (seen.add(variable)) {
					env.append("\n# ").append(comment).append('\n').append(variable).append("=\n");
				}
			});
		}
		return env.toString();
	}

	private static String requirements(List<Tool> tools) {
		Set<String> packages = new LinkedHashSet<>(List.of("pydantic-ai>=0.4", "python-dotenv>=1.0", "httpx>=0.27"));
		tools.forEach((tool) -> packages.addAll(tool.requirements()));
		return String.join("\n", packages) + "\n";
	}

	static String pythonString(String text) {
		StringBuilder literal = new StringBuilder("(\n");
		String[] lines = text.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i] + ((i < lines.length - 1) ? "\n" : "");
			literal.append("    \"");
			for (char c : line.toCharArray()) {
				switch (c) {
					case '\\' -> literal.append("\\\\");
					case '"' -> literal.append("\\\"");
					case '\n' -> literal.append("\\n");
					case '\r' -> literal.append("\\r");
					case '\t' -> literal.append("\\t");
					default -> {
						if (c < 0x20) {
							literal.append(String.format("\\x%02x", (int) c));
						}
						else {
							literal.append(c);
						}
					}
				}
			}
			literal.append("\"\n");
		}
		return literal.append(")").toString();
	}

}
