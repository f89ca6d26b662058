"""Does each rule earn its place? Take it out, re-run every evaluation set of every article, count what changes.

A rule is an entry of a word list in ``bot.matching.lexicon`` (a stopword, a
filler phrase, a chat spelling...), a whole list, or a weight of the matcher
set to the value that turns it off. Each variant runs in a forked process that
patches the lexicon and reloads the matching modules, so the rules are taken
out exactly as if the code had never had them, and this process stays intact.
A rule that helps on fewer than two articles is fitted to one article, not
general; ``python -m bot eval --ablate`` lists them.
"""

from __future__ import annotations

import importlib
import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from bot.knowledge.model import Knowledge
from bot.matching import lexicon
from bot.upkeep.evaluation import Case, judge

_LISTS = (
    "WHERE_OU_AFTER",
    "WHO_RELATIVE_AFTER",
    "WHO_QUI_AFTER",
    "QUESTION_WORDS",
    "FRENCH_MARKERS",
    "ENGLISH_MARKERS",
    "ENGLISH_STOPWORDS",
    "FRENCH_STOPWORDS",
    "ACRONYMS",
    "FRAME_WORDS",
    "ASKER",
    "COUNT_WORDS",
)
_WEIGHTS: dict[str, Any] = {  # each matcher weight, and the value that turns its rule off
    "_UNKNOWN_WEIGHT": 0.0,
    "_KIND_MISMATCH": 1.0,
    "_ENTITY_MISSING": 1.0,
    "_KIND_WEIGHT": 0.0,
    "_COVERAGE_SHARE": 1.0,
}
_SPELLING: dict[str, Any] = {"_SOUND_ALIKE": (), "_ELIDED": (), "_RUN_ON_QUESTION_WORDS": ()}

Patch = dict[tuple[str, str], Any]  # (module, attribute) -> value


@dataclass(frozen=True)
class Variant:
    """One rule taken out: its name in the report and what is patched."""

    name: str
    patch: Patch


@dataclass(frozen=True)
class Article:
    """One article's knowledge and all its labelled cases."""

    name: str
    knowledge: Knowledge
    cases: tuple[Case, ...]


@dataclass(frozen=True)
class Effect:
    """What taking a rule out changed: right answers lost (positive: the rule helps) per article."""

    variant: str
    lost: dict[str, int]
    flipped: int
    """Cases whose verdict changed either way."""

    @property
    def helps(self) -> list[str]:
        return [name for name, lost in self.lost.items() if lost > 0]


def variants() -> Iterator[Variant]:
    """Every rule: each entry of each word list, each whole list, each weight."""
    module = "bot.matching.lexicon"
    for name in _LISTS:
        words: frozenset[str] = getattr(lexicon, name)
        yield Variant(f"{name} (all)", {(module, name): frozenset()})
        for word in sorted(words):
            yield Variant(f"{name}: {word}", {(module, name): words - {word}})
    for name in ("KIND_PHRASES", "SMALL_TALK"):
        table: tuple[tuple[str, tuple[str, ...]], ...] = getattr(lexicon, name)
        for category, phrases in table:
            yield Variant(f"{name} {category} (all)", {(module, name): _without(table, category, phrases)})
            for phrase in phrases:
                yield Variant(f"{name} {category}: {phrase}", {(module, name): _without(table, category, (phrase,))})
    yield Variant("SHORTHAND (all)", {(module, "SHORTHAND"): {}})
    for key in sorted(lexicon.SHORTHAND):
        rest = {k: v for k, v in lexicon.SHORTHAND.items() if k != key}
        yield Variant(f"SHORTHAND: {key} -> {lexicon.SHORTHAND[key]}", {(module, "SHORTHAND"): rest})
    yield Variant("FILLER_PHRASES (all)", {(module, "FILLER_PHRASES"): ()})
    for filler in lexicon.FILLER_PHRASES:
        rest_fillers = tuple(p for p in lexicon.FILLER_PHRASES if p != filler)
        yield Variant(f"FILLER_PHRASES: {' '.join(filler)}", {(module, "FILLER_PHRASES"): rest_fillers})
    for name, off in _WEIGHTS.items():
        yield Variant(f"matcher {name} = {off}", {("bot.matching.matcher", name): off})
    for name, off in _SPELLING.items():
        yield Variant(f"spelling {name} = {off}", {("bot.matching.spelling", name): off})


def _without(
    table: tuple[tuple[str, tuple[str, ...]], ...], category: str, removed: Sequence[str]
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((c, tuple(p for p in phrases if c != category or p not in removed)) for c, phrases in table)


def verdicts(articles: Sequence[Article]) -> dict[str, list[bool]]:
    """Whether each case of each article is judged right, with the modules as they are now."""
    from bot.answerer import Answerer  # imported here: after a variant's reload, this is the patched one

    found = {}
    for article in articles:
        answerer = Answerer(article.knowledge)
        found[article.name] = [
            judge(case, (reply := answerer.reply(case.q.replace("\n", " "))).fact_id, reply.answer)
            for case in article.cases
        ]
    return found


def ablate(
    articles: Sequence[Article], *, only: Callable[[str], bool] = lambda name: True, processes: int = 2
) -> list[Effect]:
    """The effect of taking out each rule (those whose name ``only`` accepts), against the rules as they are."""
    baseline = verdicts(articles)
    chosen = [variant for variant in variants() if only(variant.name)]
    context = multiprocessing.get_context("fork")
    with context.Pool(processes, initializer=_remember, initargs=(articles,), maxtasksperchild=1) as pool:
        results = pool.map(_run, chosen, chunksize=1)
    effects = []
    for variant, found in zip(chosen, results, strict=True):
        lost = {name: sum(baseline[name]) - sum(found[name]) for name in baseline}
        flipped = sum(a != b for name in baseline for a, b in zip(baseline[name], found[name], strict=True))
        effects.append(Effect(variant.name, lost, flipped))
    return effects


_ARTICLES: Sequence[Article] = ()


def _remember(articles: Sequence[Article]) -> None:
    global _ARTICLES
    _ARTICLES = articles


def _run(variant: Variant) -> dict[str, list[bool]]:
    """In a worker of its own: patch, reload the matching modules, judge every case."""
    for (module, name), value in variant.patch.items():
        if module == "bot.matching.lexicon":
            setattr(lexicon, name, value)
    lexicon.STOPWORDS = (lexicon.ENGLISH_STOPWORDS | lexicon.FRENCH_STOPWORDS | lexicon.QUESTION_WORDS) - lexicon.ASKER
    lexicon.KIND_WORDS = frozenset(w for _, phrases in lexicon.KIND_PHRASES for p in phrases for w in p.split())
    for module in ("bot.matching.text", "bot.matching.spelling", "bot.matching.matcher", "bot.answerer"):
        reloaded = importlib.reload(importlib.import_module(module))
        for (target, name), value in variant.patch.items():
            if target == module:
                setattr(reloaded, name, value)
    return verdicts(_ARTICLES)
