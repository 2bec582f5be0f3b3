package dev.archon.agentgen.resources;

import java.util.List;

/**
 * The library's tools as the built-in templates embed them: each tool's code, as its
 * Markdown has it, under the head of {@code agent_tools.py} (BuiltinBackend).
 */
final class AgentToolsModule {

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

	static String of(List<LibraryEntry> tools) {
		StringBuilder module = new StringBuilder(HEAD);
		tools.forEach((tool) -> module.append("\n\n").append(tool.code().strip()).append('\n'));
		return module.toString();
	}

}
