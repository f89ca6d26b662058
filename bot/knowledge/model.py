"""The facts the bot answers from: the model, and where a knowledge file is found and loaded.

Reading and validating the file lives in ``bot.knowledge.reading`` (and ``bot.knowledge.nodes``),
imported only when a file is parsed: an answerer loaded from the cache needs
just these classes.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from bot.errors import KnowledgeError, Problem

LANGUAGES = ("en", "fr")
DEFAULT_PATH = Path("knowledge/facts.yaml")
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Fact:
    """One piece of information from the article, answerable in one or both languages."""

    id: str
    answers: Mapping[str, str]
    questions: Mapping[str, tuple[str, ...]]
    sources: tuple[str, ...]
    keywords: tuple[str, ...] = ()
    line: int = 0

    def answer(self, lang: str) -> str:
        """The answer in ``lang``, or in the other language when this fact has only one."""
        return self.answers.get(lang) or next(iter(self.answers.values()))

    def first_question(self, lang: str) -> str:
        """An example question to show as a suggestion, in ``lang`` when there is one."""
        for code in (lang, *LANGUAGES):
            if self.questions.get(code):
                return self.questions[code][0]
        return self.id.replace("-", " ")


@dataclass(frozen=True)
class Knowledge:
    """Everything loaded from one knowledge file."""

    path: Path
    article_path: Path
    article: str
    facts: tuple[Fact, ...]
    synonyms: tuple[tuple[str, ...], ...] = ()
    _by_id: dict[str, Fact] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_id.update((fact.id, fact) for fact in self.facts)

    def get(self, fact_id: str) -> Fact | None:
        """The fact with this id, or None."""
        return self._by_id.get(fact_id)


def default_path() -> Path:
    """``BOT_KNOWLEDGE`` when set, else ``knowledge/facts.yaml``."""
    return Path(os.environ.get("BOT_KNOWLEDGE") or DEFAULT_PATH)


def load(path: str | os.PathLike[str]) -> Knowledge:
    """Load and validate a knowledge file; raises KnowledgeError listing every problem."""
    from bot.knowledge.reading import read  # parsing needs yaml; a cached answerer only needs the model above

    knowledge, problems = read(Path(path))
    if problems or knowledge is None:
        raise KnowledgeError(problems)
    return knowledge


def check(path: str | os.PathLike[str]) -> list[Problem]:
    """Every problem in a knowledge file, each with its line; empty when it is valid."""
    from bot.knowledge.reading import read

    return read(Path(path))[1]


def same_text(source: str, article: str) -> bool:
    """Whether ``source`` is verbatim in ``article``, ignoring only how lines were wrapped."""
    return unwrapped(source) in unwrapped(article)


def unwrapped(text: str) -> str:
    """The text with its line wrapping (and runs of spaces) undone."""
    return " ".join(text.split())
