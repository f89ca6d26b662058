"""Exceptions a user can act on: each prints as one clear message, never a traceback."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class BotError(Exception):
    """Base of every error the command line turns into a message and a non-zero exit."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a knowledge file, where it is, and what to do."""

    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: {self.message}"


class KnowledgeError(BotError):
    """The knowledge file cannot be used; ``problems`` lists every reason with its line."""

    SHOWN = 20
    """Problems the message lists (logs, admins' chats); the rest are counted."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = [str(problem)[:500] for problem in problems[: self.SHOWN]]
        if len(problems) > self.SHOWN:
            lines.append(f"and {len(problems) - self.SHOWN:,} more")
        super().__init__("\n".join(lines))
