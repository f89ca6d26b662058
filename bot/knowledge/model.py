"""The facts the bot answers from, where a knowledge file is found, and the rules every fact obeys.

Reading and validating a file lives in ``bot.knowledge.reading``, imported only
when a file is parsed: an answerer loaded from the cache needs just this module.
The rules (id format, one fact per question, sources verbatim) are written here
once, for the reader, the store and the Telegram admin alike.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from bot.folding import normalize

LANGUAGES = ("en", "fr")
DEFAULT_PATH = Path("knowledge/facts.yaml")
BESIDE_PATH = Path("facts.yaml")
"""A knowledge file in the working folder itself, beside its article: where a maintainer drafting one works."""
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ID_RULE = "lower-case words joined by hyphens, e.g. opening-date"
"""What ``ID_PATTERN`` asks for, in words for the maintainer."""


def id_problem(fact_id: str) -> str | None:
    """Why ``fact_id`` is not a valid id, or None when it is."""
    return None if ID_PATTERN.match(fact_id) else f"id {fact_id!r} must be {ID_RULE}"


MAX_ANSWER_CHARS = 4_000
"""Telegram shows at most 4,096 characters in a message, and a reply adds a few words around the answer."""


def answer_problem(answer: str) -> str | None:
    """Why ``answer`` cannot be a fact's answer (empty, or too long to send), or None."""
    if not answer.strip():
        return "the answer is empty; write the sentence users should read"
    if len(answer) > MAX_ANSWER_CHARS:
        return (
            f"the answer has {len(answer):,} characters; keep it under {MAX_ANSWER_CHARS:,} characters "
            "(Telegram shows at most 4,096 in a message)"
        )
    return None


def question_key(question: str) -> str | None:
    """What makes two example questions the same one; None for a question with no words (an emoji)."""
    return normalize(question) or None


def taken_problem(question: str, fact_id: str) -> str:
    """The message for an example question that another fact already asks."""
    return f"the question {question!r} is already asked in fact '{fact_id}'; keep each question in one fact"


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
    title: Mapping[str, str] = field(default_factory=dict)
    """The article's headline, by language (the knowledge's optional ``title:``)."""
    about: Mapping[str, str] = field(default_factory=dict)
    """What the article is about, in a few words, by language: how the bot presents itself."""
    url: str | None = None
    published: str | None = None
    publisher: str | None = None
    """The newspaper or site that published it, as it names itself (not translated)."""
    _by_id: dict[str, Fact] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_id.update((fact.id, fact) for fact in self.facts)

    @property
    def where_from(self) -> str | None:
        """Its publisher and address, as far as the header gives them: "The Times (https://...)", or after a
        comma when the publisher ends in brackets of its own ("The Times (Kent edition), https://...")."""
        if self.publisher and self.url:
            return f"{self.publisher}, {self.url}" if self.publisher.endswith(")") else f"{self.publisher} ({self.url})"
        return self.publisher or self.url

    def get(self, fact_id: str) -> Fact | None:
        """The fact with this id, or None."""
        return self._by_id.get(fact_id)

    def asking(self, question: str) -> Fact | None:
        """The fact that already lists ``question`` (as ``question_key`` compares them), or None."""
        key = question_key(question)
        if key is None:
            return None
        for fact in self.facts:
            if any(question_key(asked) == key for questions in fact.questions.values() for asked in questions):
                return fact
        return None

    def subject(self, lang: str) -> str | None:
        """What the article is about, for texts that present the bot: ``about``, else ``title``, in ``lang``
        when there is one; None when the knowledge says neither (texts then speak of "the article")."""
        for names in (self.about, self.title):
            for code in (lang, *LANGUAGES):
                if names.get(code):
                    return names[code]
        return None

    def quotes(self, source: str) -> bool:
        """Whether ``source`` is verbatim in the article, line wrapping aside."""
        return same_text(source, self.article)


PACKAGED_PATH = Path(__file__).resolve().parent.parent / "data" / "knowledge" / "facts.yaml"
"""The knowledge shipped with the package, with its article: what an installed bot answers from anywhere."""


def default_path() -> Path:
    """``BOT_KNOWLEDGE`` when set, else the working folder's knowledge, else the packaged copy."""
    configured = os.environ.get("BOT_KNOWLEDGE")
    return Path(configured) if configured else local_or_packaged()


def local_or_packaged() -> Path:
    """``knowledge/facts.yaml`` of the working folder, else its ``facts.yaml``, else the copy shipped with the
    package: a maintainer working in the folder of a new article must not get the packaged one's answers."""
    for path in (DEFAULT_PATH, BESIDE_PATH):
        if path.exists():
            return path
    return PACKAGED_PATH if PACKAGED_PATH.exists() else DEFAULT_PATH


def packaged(path: Path) -> bool:
    """Whether ``path`` is the copy inside the installed package (which must not be edited in place)."""
    package = PACKAGED_PATH.parent.parent.parent
    return path.resolve().is_relative_to(package)


def quoting(article: str) -> Callable[[str], bool]:
    """Whether a source is verbatim in ``article``, ignoring only how lines were wrapped (unwrapped once)."""
    flat = unwrapped(article)
    return lambda source: unwrapped(source) in flat


def unquoted(source: str, article: str) -> str:
    """Why ``source`` is not verbatim in ``article``: the article's closest passage and where they first differ."""
    from rapidfuzz import fuzz  # only for a failed check: loading a good file never needs it

    flat_source, flat_article = unwrapped(source), unwrapped(article)
    start = _longest_prefix_at(flat_source, flat_article)
    if start is not None:  # the source starts as the article does somewhere: it differs after that start
        end = start + len(flat_source)
        passage = flat_article[start : end + len(flat_article[end:].split(" ", 1)[0])]  # to the end of a word
    else:  # a slip in its first words: the best-aligned window (which may start inside a word)
        alignment = fuzz.partial_ratio_alignment(flat_source, flat_article)
        passage = flat_article[alignment.dest_start : alignment.dest_end] if alignment else ""
    first = next((i for i, (a, b) in enumerate(zip(flat_source, passage, strict=False)) if a != b), None)
    if first is None:
        first = min(len(flat_source), len(passage))
    shown = passage if len(passage) <= 120 else passage[:117] + "..."
    return (
        f"not verbatim in the article; its closest passage is «{shown}», and they differ from character "
        f"{first + 1}: the source has {flat_source[first : first + 20]!r}, the article {passage[first : first + 20]!r}"
    )


_PREFIX_MIN = 12
"""Characters a source must share with the article's text at its start to be shown from there."""


def _longest_prefix_at(source: str, article: str) -> int | None:
    """Where the article holds the longest beginning of ``source`` (at least ``_PREFIX_MIN`` characters), or
    None: "They raised £19,000 through..." is shown against "They raised £19,000 by...", not a window that a
    shorter source shifts into the sentence before."""
    if article.find(source[:_PREFIX_MIN]) < 0:
        return None
    low, high = _PREFIX_MIN, len(source)  # the longest found prefix lies in [low, high]
    while low < high:
        middle = (low + high + 1) // 2
        if article.find(source[:middle]) >= 0:
            low = middle
        else:
            high = middle - 1
    return article.find(source[:low])


def same_text(source: str, article: str) -> bool:
    """Whether ``source`` is verbatim in ``article``, ignoring only how lines were wrapped."""
    return quoting(article)(source)


def unwrapped(text: str) -> str:
    """The text with its line wrapping (and runs of spaces) undone."""
    return " ".join(text.split())
