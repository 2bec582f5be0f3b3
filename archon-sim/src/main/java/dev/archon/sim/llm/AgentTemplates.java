package dev.archon.sim.llm;

/**
 * The answers of each pipeline step, as templates over an agent's {@link AgentNames}: one
 * set for a general agent (web search and page reading) and one for a home agent (Home
 * Assistant through Archon's bridge).
 * <p>
 * The coder's answer is the contract that archon-agentgen parses: a short sentence, then
 * exactly five files, each as a heading line {@code ### <path>} immediately followed by a
 * fenced block whose opening fence may name a language and whose closing fence is a line
 * of exactly three backticks:
 *
 * <pre>
 * ### agent.py
 * ```python
 * ...
 * ```
 * </pre>
 *
 * in the order {@code agent.py}, {@code agent_tools.py}, {@code agent_prompts.py},
 * {@code .env.example}, {@code requirements.txt}. The Python files parse, and
 * {@code requirements.txt} lists every third-party module they import.
 */
final class AgentTemplates {

	/** The coder's files, in the order of the answer. */
	static final String[] PATHS = { "agent.py", "agent_tools.py", "agent_prompts.py", ".env.example",
			"requirements.txt" };

	private static final String[] LANGUAGES = { "python", "python", "python", "dotenv", "text" };

	private static final String REQUIREMENTS = """
			pydantic-ai>=1.0
			httpx>=0.27
			python-dotenv>=1.0
			""";

	private static final String GENERIC_AGENT = """
			\"""${Title} agent, written by Archon.

			The task, as described: ${summary}
			\"""

			from __future__ import annotations

			import asyncio
			import os
			import sys
			from dataclasses import dataclass

			import httpx
			from dotenv import load_dotenv
			from pydantic_ai import Agent, RunContext

			from agent_prompts import SYSTEM_PROMPT
			from agent_tools import read_web_page, search_web

			load_dotenv()


			@dataclass
			class ${Class}Deps:
			    \"""What the tools need while the agent runs: one HTTP client and the search key.\"""

			    client: httpx.AsyncClient
			    brave_api_key: str


			${slug}_agent = Agent(
			    os.getenv("LLM_MODEL", "openai:gpt-4o-mini"),
			    deps_type=${Class}Deps,
			    system_prompt=SYSTEM_PROMPT,
			    retries=2,
			)


			@${slug}_agent.tool
			async def search(ctx: RunContext[${Class}Deps], query: str) -> str:
			    \"""Search the web and list the best results with their addresses.

			    Args:
			        query: What to look for, in a few keywords.
			    \"""
			    return await search_web(ctx.deps.client, ctx.deps.brave_api_key, query)


			@${slug}_agent.tool
			async def read_page(ctx: RunContext[${Class}Deps], url: str) -> str:
			    \"""Read a web page and return its text without markup.

			    Args:
			        url: The page's full address, starting with http:// or https://.
			    \"""
			    return await read_web_page(ctx.deps.client, url)


			async def main() -> None:
			    question = " ".join(sys.argv[1:]) or "What can you do for me?"
			    async with httpx.AsyncClient(timeout=30.0, follow_redirects=True) as client:
			        deps = ${Class}Deps(client=client, brave_api_key=os.getenv("BRAVE_API_KEY", ""))
			        result = await ${slug}_agent.run(question, deps=deps)
			        print(result.output)


			if __name__ == "__main__":
			    asyncio.run(main())
			""";

	private static final String GENERIC_TOOLS = """
			\"""Tools of the ${Title} agent, kept apart from the agent so that they can be tested alone.\"""

			from __future__ import annotations

			import html
			import re

			import httpx

			BRAVE_SEARCH_URL = "https://api.search.brave.com/res/v1/web/search"
			MAX_PAGE_CHARS = 4000
			MARKUP = re.compile(r"<(script|style)[^>]*>.*?</(script|style)>|<[^>]+>", re.DOTALL | re.IGNORECASE)


			async def search_web(client: httpx.AsyncClient, api_key: str, query: str, count: int = 5) -> str:
			    \"""Ask the Brave Search API and format the top results, one per line.\"""
			    if not api_key:
			        return "Web search is not configured: set BRAVE_API_KEY in .env."
			    response = await client.get(
			        BRAVE_SEARCH_URL,
			        params={"q": query, "count": count},
			        headers={"Accept": "application/json", "X-Subscription-Token": api_key},
			    )
			    response.raise_for_status()
			    results = response.json().get("web", {}).get("results", [])
			    if not results:
			        return f"No results for {query!r}."
			    lines = [f"- {item.get('title', '')} <{item.get('url', '')}>: {item.get('description', '')}" for item in results]
			    return "\\n".join(lines)


			async def read_web_page(client: httpx.AsyncClient, url: str) -> str:
			    \"""Download a page and keep its readable text, at most MAX_PAGE_CHARS characters.\"""
			    if not url.startswith(("http://", "https://")):
			        return "Only http:// and https:// addresses can be read."
			    response = await client.get(url)
			    response.raise_for_status()
			    text = html.unescape(MARKUP.sub(" ", response.text))
			    return " ".join(text.split())[:MAX_PAGE_CHARS]
			""";

	private static final String GENERIC_PROMPTS = """
			\"""Prompts of the ${Title} agent.\"""

			SYSTEM_PROMPT = \"""
			You are the ${Title} agent. Your task, as the user described it:
			${summary}

			Work in this order:
			1. Make sure you understand the request; ask one short question when something essential is missing.
			2. Use the search tool to find current sources, then read_page on the two or three most relevant ones.
			3. Answer concisely and cite the pages you used by their address.

			Never invent facts, numbers or addresses: when the tools find nothing useful, say so.
			\"""
			""";

	private static final String GENERIC_ENV = """
			# Settings of the ${Title} agent. Copy this file to .env and fill in the values;
			# never commit .env.

			# The model, in Pydantic AI's provider:model form, for example openai:gpt-4o-mini
			# or anthropic:claude-sonnet-4-5.
			LLM_MODEL=openai:gpt-4o-mini

			# The key of the model's provider (only the one LLM_MODEL uses).
			OPENAI_API_KEY=
			ANTHROPIC_API_KEY=

			# Brave Search API key for the search tool: https://brave.com/search/api/
			BRAVE_API_KEY=
			""";

	private static final String HOME_AGENT = """
			\"""${Title} agent, written by Archon.

			The task, as described: ${summary}

			It reads and controls the home through Archon's Home Assistant bridge rather than
			Home Assistant itself, so that the bridge's allow-list and rate limit apply.
			\"""

			from __future__ import annotations

			import asyncio
			import os
			import sys
			from dataclasses import dataclass

			import httpx
			from dotenv import load_dotenv
			from pydantic_ai import Agent, RunContext

			from agent_prompts import SYSTEM_PROMPT
			from agent_tools import call_home_service, get_entity_state, list_home_entities

			load_dotenv()


			@dataclass
			class ${Class}Deps:
			    \"""What the tools need while the agent runs: an HTTP client bound to the bridge.\"""

			    client: httpx.AsyncClient


			${slug}_agent = Agent(
			    os.getenv("LLM_MODEL", "openai:gpt-4o-mini"),
			    deps_type=${Class}Deps,
			    system_prompt=SYSTEM_PROMPT,
			    retries=2,
			)


			@${slug}_agent.tool
			async def list_entities(ctx: RunContext[${Class}Deps], domain: str, area: str | None = None) -> str:
			    \"""List the home's entities of one domain with their current state.

			    Args:
			        domain: The Home Assistant domain, such as light, climate or sensor.
			        area: An optional area to narrow the list, such as kitchen.
			    \"""
			    return await list_home_entities(ctx.deps.client, domain, area)


			@${slug}_agent.tool
			async def get_state(ctx: RunContext[${Class}Deps], entity_id: str) -> str:
			    \"""Read one entity's state and attributes.

			    Args:
			        entity_id: The entity, such as light.kitchen or sensor.living_room_temperature.
			    \"""
			    return await get_entity_state(ctx.deps.client, entity_id)


			@${slug}_agent.tool
			async def call_service(
			    ctx: RunContext[${Class}Deps],
			    domain: str,
			    service: str,
			    entity_ids: list[str],
			    data: dict[str, str | float] | None = None,
			) -> str:
			    \"""Call a Home Assistant service on some entities, such as light.turn_on.

			    Args:
			        domain: The service's domain, such as light or climate.
			        service: The service, such as turn_on, turn_off or set_temperature.
			        entity_ids: The entities to act on.
			        data: Optional service data, such as brightness_pct or temperature.
			    \"""
			    return await call_home_service(ctx.deps.client, domain, service, entity_ids, data or {})


			async def main() -> None:
			    request = " ".join(sys.argv[1:]) or "Which lights are on right now?"
			    headers = {"X-API-Key": os.getenv("ARCHON_API_KEY", "")}
			    base_url = os.getenv("ARCHON_URL", "http://localhost:8080")
			    async with httpx.AsyncClient(base_url=base_url, headers=headers, timeout=15.0) as client:
			        result = await ${slug}_agent.run(request, deps=${Class}Deps(client=client))
			        print(result.output)


			if __name__ == "__main__":
			    asyncio.run(main())
			""";

	private static final String HOME_TOOLS = """
			\"""Tools of the ${Title} agent: Home Assistant through the REST API of Archon's bridge.\"""

			from __future__ import annotations

			import httpx

			# The agent's own allow-list; the bridge enforces its own as well.
			ALLOWED_DOMAINS = frozenset({"light", "switch", "climate", "cover", "fan", "media_player", "scene"})


			async def list_home_entities(client: httpx.AsyncClient, domain: str, area: str | None) -> str:
			    \"""List the entities of a domain, one line each: id, state and friendly name.\"""
			    params = {"domain": domain}
			    if area:
			        params["area"] = area
			    response = await client.get("/api/v1/ha/states", params=params)
			    response.raise_for_status()
			    states = response.json()
			    if not states:
			        return f"No {domain} entities found."
			    lines = []
			    for state in states:
			        name = state.get("attributes", {}).get("friendly_name", "")
			        lines.append(f"{state['entity_id']}: {state['state']} ({name})")
			    return "\\n".join(lines)


			async def get_entity_state(client: httpx.AsyncClient, entity_id: str) -> str:
			    \"""Read one entity; an unknown one is reported rather than raised, so the model can recover.\"""
			    response = await client.get(f"/api/v1/ha/states/{entity_id}")
			    if response.status_code == 404:
			        return f"There is no entity {entity_id}."
			    response.raise_for_status()
			    state = response.json()
			    return f"{entity_id} is {state['state']}; attributes: {state.get('attributes', {})}"


			async def call_home_service(
			    client: httpx.AsyncClient, domain: str, service: str, entity_ids: list[str], data: dict[str, str | float]
			) -> str:
			    \"""Call a service and report how many states changed.\"""
			    if domain not in ALLOWED_DOMAINS:
			        return f"The {domain} domain is not controlled by this agent."
			    response = await client.post(
			        f"/api/v1/ha/services/{domain}/{service}",
			        json={"target": {"entity_id": entity_ids}, "data": data},
			    )
			    if response.status_code == 403:
			        return f"The bridge refused {domain}.{service}."
			    response.raise_for_status()
			    changed = response.json().get("changedStates", [])
			    return f"Called {domain}.{service} on {', '.join(entity_ids)}; {len(changed)} state(s) changed."
			""";

	private static final String HOME_PROMPTS = """
			\"""Prompts of the ${Title} agent.\"""

			SYSTEM_PROMPT = \"""
			You are the ${Title} agent, and you look after a home through Home Assistant.
			Your task, as the user described it:
			${summary}

			Work in this order:
			1. Find the entities involved with list_entities, by domain, and by area when the user names a room.
			2. Check their current state with get_state before changing anything.
			3. Act with call_service, one clear step at a time, and say what you changed.

			Never guess an entity id: use only ids that list_entities returned. Ask before acting on
			locks, alarms or anything else that affects safety.
			\"""
			""";

	private static final String HOME_ENV = """
			# Settings of the ${Title} agent. Copy this file to .env and fill in the values;
			# never commit .env.

			# The model, in Pydantic AI's provider:model form, for example openai:gpt-4o-mini
			# or anthropic:claude-sonnet-4-5.
			LLM_MODEL=openai:gpt-4o-mini

			# The key of the model's provider (only the one LLM_MODEL uses).
			OPENAI_API_KEY=
			ANTHROPIC_API_KEY=

			# Archon's address (NGINX) and an Archon API key allowed to use the Home Assistant bridge.
			ARCHON_URL=http://localhost:8080
			ARCHON_API_KEY=
			""";

	private static final String SCOPE_HEAD = """
			# Scope: ${Title} agent

			## Goal
			${summary}

			## Interaction
			- The user asks in plain language; the agent answers in a few sentences and says which tools it used.
			- When something essential is missing, the agent asks one short question instead of guessing.

			## Architecture (Pydantic AI)
			- `agent.py`: the `Agent` named `${slug}_agent`, its `${Class}Deps` dataclass (passed to tools through
			  `RunContext`) and thin `@${slug}_agent.tool` wrappers.
			- `agent_tools.py`: the tool implementations, plain async functions over `httpx`, testable alone.
			- `agent_prompts.py`: `SYSTEM_PROMPT`.
			- `.env.example`: the model and the keys, with setup comments; `requirements.txt`.

			""";

	private static final String SCOPE_GENERIC_TOOLS = """
			## Tools
			- `search(query)`: web search through the Brave Search API (`BRAVE_API_KEY`).
			- `read_page(url)`: fetch a page and keep its readable text, at most 4,000 characters.

			## Documentation to follow
			- Pydantic AI: agents, function tools, dependencies, running an agent (`agent.run`, `result.output`).
			- httpx: `AsyncClient`, timeouts, `raise_for_status`.

			""";

	private static final String SCOPE_HOME_TOOLS = """
			## Tools
			- `list_entities(domain, area)`: `GET /api/v1/ha/states` on Archon's Home Assistant bridge.
			- `get_state(entity_id)`: `GET /api/v1/ha/states/{entity_id}`.
			- `call_service(domain, service, entity_ids, data)`: `POST /api/v1/ha/services/{domain}/{service}`,
			  limited to an allow-list of domains.

			## Documentation to follow
			- Pydantic AI: agents, function tools, dependencies, running an agent (`agent.run`, `result.output`).
			- Archon's Home Assistant bridge REST API (`ARCHON_URL`, `ARCHON_API_KEY`).

			""";

	private static final String SCOPE_TAIL = """
			## Out of scope
			- Storing conversations, a user interface, running on a schedule.

			## Done when
			- The five files are present, the Python parses, and `python agent.py "<question>"` answers with the
			  keys of `.env.example` set.
			""";

	private static final String ADVISOR_GENERIC = """
			## Examples
			- `web-research-agent`: searches the web and reads pages before answering; closest to ${Title}.
			- `docs-qa-agent`: answers from documentation with citations.

			## Tools
			- `brave_web_search`: web search through the Brave Search API.
			- `fetch_web_page`: download a page and strip its markup.

			## MCP servers
			- `brave-search`: web and news search.
			- `fetch`: fetch URLs as Markdown.
			""";

	private static final String ADVISOR_HOME = """
			## Examples
			- `home-assistant-agent`: reads and controls the home through Archon's Home Assistant bridge;
			  closest to ${Title}.
			- `energy-report-agent`: summarises sensor history.

			## Tools
			- `ha_list_entities`: list entities by domain and area.
			- `ha_get_state`: read one entity.
			- `ha_call_service`: call an allowed Home Assistant service.

			## MCP servers
			- `home-assistant`: Home Assistant's own MCP server.
			- `time`: current time and time zones, for schedules.
			""";

	private static final String REFINE_PROMPT = """
			Suggestions for the system prompt of the ${Title} agent:
			- State the task in one sentence first: ${summary}
			- Say when to ask the user a question instead of acting, and keep it to one question.
			- Ask for answers that name the tools used and the sources found.
			""";

	private static final String REFINE_TOOLS = """
			Suggestions for the tools of the ${Title} agent:
			- Give every tool a docstring with an Args section: Pydantic AI turns it into the tool schema.
			- Return short, readable errors from tools instead of raising, so that the model can recover.
			- Keep one shared `httpx.AsyncClient` in `${Class}Deps` and set its timeout.
			""";

	private static final String REFINE_AGENT = """
			Suggestions for the agent definition of the ${Title} agent:
			- Read the model name from `LLM_MODEL` so that the provider can change without code changes.
			- Set `retries=2` on the agent so that a malformed tool call is retried with the validation error.
			- Keep `agent.py` to the agent, its dependencies and thin tool wrappers; the logic lives in `agent_tools.py`.
			""";

	static final Template GENERIC_CODER = coder(GENERIC_AGENT, GENERIC_TOOLS, GENERIC_PROMPTS, GENERIC_ENV);

	static final Template HOME_CODER = coder(HOME_AGENT, HOME_TOOLS, HOME_PROMPTS, HOME_ENV);

	static final Template GENERIC_SCOPE = Template.compile(SCOPE_HEAD + SCOPE_GENERIC_TOOLS + SCOPE_TAIL);

	static final Template HOME_SCOPE = Template.compile(SCOPE_HEAD + SCOPE_HOME_TOOLS + SCOPE_TAIL);

	static final Template GENERIC_ADVICE = Template.compile(ADVISOR_GENERIC);

	static final Template HOME_ADVICE = Template.compile(ADVISOR_HOME);

	static final Template PROMPT_SUGGESTIONS = Template.compile(REFINE_PROMPT);

	static final Template TOOL_SUGGESTIONS = Template.compile(REFINE_TOOLS);

	static final Template AGENT_SUGGESTIONS = Template.compile(REFINE_AGENT);

	private AgentTemplates() {
	}

	private static Template coder(String agent, String tools, String prompts, String env) {
		String[] contents = { agent, tools, prompts, env, REQUIREMENTS };
		StringBuilder answer = new StringBuilder("Here are the five files of the ${Title} agent.\n");
		for (int i = 0; i < PATHS.length; i++) {
			answer.append("\n### ").append(PATHS[i]).append('\n');
			answer.append("```").append(LANGUAGES[i]).append('\n');
			answer.append(contents[i]);
			answer.append("```\n");
		}
		return Template.compile(answer.toString());
	}

}
