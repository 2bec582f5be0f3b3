"""Awaits one tool of agent_tools.py, as Pydantic AI does, and prints what it returns.

Usage: python3 run_tool.py <tool> '<its arguments as a JSON object>'
"""

import asyncio
import json
import sys

import httpx

import agent_tools


class Context:
    """The part of pydantic_ai.RunContext that a tool reads: the run's dependencies."""

    def __init__(self, deps):
        self.deps = deps


async def main(name, arguments):
    async with httpx.AsyncClient(timeout=10) as http:
        print(await getattr(agent_tools, name)(Context(agent_tools.Deps(http=http)), **arguments))


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], json.loads(sys.argv[2])))
