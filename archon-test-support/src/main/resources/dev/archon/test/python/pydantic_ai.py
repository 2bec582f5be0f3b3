"""A stand-in for pydantic_ai, where it is not installed: agent_tools.py imports RunContext
only to annotate the first parameter of its tools."""

from typing import Generic, TypeVar

T = TypeVar("T")


class RunContext(Generic[T]):
    deps: T
