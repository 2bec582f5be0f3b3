"""Awaits one tool of agent_tools.py, as Pydantic AI does, and prints what it returns.

Usage: python3 run_tool.py <tool> '<its arguments as a JSON object>'
       python3 run_tool.py --list    prints the module's tools and their parameters as JSON

A tool is an async function of agent_tools.py whose first parameter is the run context.
"""

import asyncio
import inspect
import json
import sys

import httpx

import agent_tools


class Context:
    """The part of pydantic_ai.RunContext that a tool reads: the run's dependencies."""

    def __init__(self, deps):
        self.deps = deps


def tools():
    found = {}
    for name, function in inspect.getmembers(agent_tools, inspect.iscoroutinefunction):
        parameters = list(inspect.signature(function).parameters)
        if function.__module__ == "agent_tools" and parameters[:1] == ["ctx"]:
            found[name] = parameters[1:]
    return found


async def main(name, arguments):
    # The generated agent.py gives its tools a client with a timeout, as here.
    async with httpx.AsyncClient(timeout=10) as http:
        print(await getattr(agent_tools, name)(Context(agent_tools.Deps(http=http)), **arguments))


if __name__ == "__main__":
    if sys.argv[1] == "--list":
        print(json.dumps(tools()))
    else:
        asyncio.run(main(sys.argv[1], json.loads(sys.argv[2])))
