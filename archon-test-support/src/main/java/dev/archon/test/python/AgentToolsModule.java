package dev.archon.test.python;

import java.util.List;

/**
 * Tools of the agent library as a generated agent embeds them: each tool's code, as its
 * Markdown has it, under the head of {@code agent_tools.py} that the built-in templates
 * write (BuiltinBackend), which gives the tools {@code os}, {@code httpx},
 * {@code RunContext} and {@code Deps}.
 */
public final class AgentToolsModule {

	private static final String HEAD = """
			from __future__ import annotations

			import os
			from dataclasses import dataclass

			import httpx
			from pydantic_ai import RunContext


			@dataclass
			class Deps:
			    \"\"\"What every tool call can reach.\"\"\"

			    http: httpx.AsyncClient
			""";

	private AgentToolsModule() {
	}

	/**
	 * The text of {@code agent_tools.py} with these tools.
	 * @param toolCodes each tool's Python function
	 * @return the module
	 */
	public static String of(List<String> toolCodes) {
		StringBuilder module = new StringBuilder(HEAD);
		toolCodes.forEach((code) -> module.append("\n\n").append(code.strip()).append('\n'));
		return module.toString();
	}

}
