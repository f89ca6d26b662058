"""Judging the bot against an evaluation file, exactly as the external judge (../shared/eval/score.py) does.

An evaluation file has ``cases:``, each with ``q`` (the question as typed),
``kind`` (en | typo | fr: answerable; oos: off topic; near: about the article
but it does not say; small: small talk) and, for answerable kinds, ``expect``:
groups of words, the answer must contain one word of every group (case- and
accent-insensitive, whole words). A case with no ``expect`` must get no fact.
Keeping the judge here lets ``python -m bot eval`` and the tests share it.

A conversation file has ``conversations:`` instead, each a list of turns; a turn
is a case, with ``follow: true`` when it only makes sense after the turns before
it ("and when?"). Each conversation is asked in order, as one chat.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import yaml

from bot.answerer import Answerer, Reply
from bot.conversation import Conversation
from bot.errors import BotError
from bot.knowledge import files
from bot.knowledge.model import Knowledge, default_path

ANSWERABLE = ("en", "typo", "fr")
REFUSABLE = ("oos", "small")
KINDS = (*ANSWERABLE, *REFUSABLE, "near")
_MAX_EVAL_BYTES = 5_000_000
_EXPANSION_SLACK = 10_000
SWEEP_CUTOFFS = tuple(float(cutoff) for cutoff in range(5, 100, 5))


class Replier(Protocol):
    """What evaluation asks: ``Answerer``, or a fake in tests."""

    def reply(self, question: str, *, lang: str | None = None) -> Reply: ...


class EvaluationError(BotError):
    """The evaluation file cannot be used."""


@dataclass(frozen=True)
class Case:
    """One question of an evaluation file and what a good reply contains."""

    q: str
    kind: str
    expect: tuple[tuple[str, ...], ...] = ()
    follow: bool = False
    """A turn of a conversation that only makes sense after the turns before it."""


@dataclass(frozen=True)
class Miss:
    """A case the bot got wrong, with what it said."""

    case: Case
    fact_id: str | None
    answer: str


@dataclass
class Report:
    """Results per kind, and every miss."""

    total: Counter[str] = field(default_factory=Counter)
    good: Counter[str] = field(default_factory=Counter)
    declined: int = 0
    misses: list[Miss] = field(default_factory=list)
    follow_total: Counter[str] = field(default_factory=Counter)
    """Follow-up turns of conversations, by kind (also counted in ``total``)."""
    follow_good: Counter[str] = field(default_factory=Counter)
    bent: list[Miss] = field(default_factory=list)
    """Turns that need no context, right when asked alone but wrong in their conversation."""

    @property
    def answerable(self) -> float:
        """Share of en/typo/fr questions answered with the expected words: what ``--min`` applies to."""
        return _share(self.good, self.total, ANSWERABLE)

    @property
    def refused(self) -> float:
        """Share of off-topic and small-talk questions that got no fact."""
        return _share(self.good, self.total, REFUSABLE)

    @property
    def near_refused(self) -> float:
        """Share of near misses (about the article, which does not say) that got no fact."""
        return _share(self.good, self.total, ("near",))

    def merge(self, other: Report) -> Report:
        """The results of both reports together."""
        return Report(
            self.total + other.total,
            self.good + other.good,
            self.declined + other.declined,
            self.misses + other.misses,
            self.follow_total + other.follow_total,
            self.follow_good + other.follow_good,
            self.bent + other.bent,
        )

    def count(self, kinds: Iterable[str]) -> tuple[int, int]:
        """(good, total) over ``kinds``."""
        kinds = tuple(kinds)
        return sum(self.good[k] for k in kinds), sum(self.total[k] for k in kinds)

    def follow_count(self, kinds: Iterable[str]) -> tuple[int, int]:
        """(good, total) of follow-up turns over ``kinds``."""
        kinds = tuple(kinds)
        return sum(self.follow_good[k] for k in kinds), sum(self.follow_total[k] for k in kinds)


def _share(good: Counter[str], total: Counter[str], kinds: Sequence[str]) -> float:
    count = sum(total[k] for k in kinds)
    return sum(good[k] for k in kinds) / count if count else 0.0


@dataclass(frozen=True)
class EvalSet:
    """An evaluation file's cases and the knowledge file they ask about."""

    path: Path
    knowledge: Path
    cases: list[Case]
    conversations: list[list[Case]] = field(default_factory=list)


def load_set(path: str | os.PathLike[str], *, knowledge: Path | None = None) -> EvalSet:
    """An evaluation file and its knowledge: ``knowledge`` when given, else the file's own ``knowledge:``
    (relative to it), else ``facts.yaml`` beside it, else the default knowledge."""
    path = Path(path)
    data = _read(path)
    if knowledge is None:
        named = data.get("knowledge") if isinstance(data, dict) else None
        if isinstance(named, str) and named.strip():
            knowledge = path.parent / named.strip()
        elif (path.parent / "facts.yaml").is_file():
            knowledge = path.parent / "facts.yaml"
        else:
            knowledge = default_path()
    if isinstance(data, dict) and "conversations" in data and "cases" not in data:
        return EvalSet(path, knowledge, [], _conversations(path, data))
    return EvalSet(path, knowledge, _cases(path, data))


def load_cases(path: str | os.PathLike[str]) -> list[Case]:
    """The cases of an evaluation file; raises EvaluationError saying what is wrong."""
    path = Path(path)
    return _cases(path, _read(path))


def _read(path: Path) -> object:
    if not path.exists():
        raise EvaluationError(f"{path}: file not found")
    try:
        text = files.read_text(path, limit=_MAX_EVAL_BYTES, what="the evaluation file")
        return yaml.safe_load(text)
    except files.Refused as refused:
        raise EvaluationError(str(refused)) from None
    except OSError as error:
        raise EvaluationError(f"{path}: cannot read the file ({error})") from None
    except yaml.YAMLError as error:
        raise EvaluationError(f"{path}: not valid YAML: {error}") from None


def _cases(path: Path, data: object) -> list[Case]:
    raw = data.get("cases") if isinstance(data, dict) else None
    if not isinstance(raw, list) or not raw:
        example = "- {q: 'When?', kind: en, expect: [[august]]}"
        raise EvaluationError(f"{path}: needs a non-empty 'cases:' list (or 'conversations:'), e.g. {example}")
    budget = _Budget(path)
    return [_case(path, f"case {number}", item, budget) for number, item in enumerate(raw, 1)]


def _conversations(path: Path, data: dict[str, object]) -> list[list[Case]]:
    raw = data.get("conversations")
    if not isinstance(raw, list) or not raw or not all(isinstance(turns, list) and turns for turns in raw):
        example = "- [{q: 'Who won?', kind: en, expect: [[smith]]}, {q: 'and when?', kind: en, follow: true}]"
        raise EvaluationError(f"{path}: 'conversations:' must be a list of lists of turns, e.g. {example}")
    budget = _Budget(path)
    return [
        [_case(path, f"conversation {number}, turn {turn}", item, budget) for turn, item in enumerate(turns, 1)]
        for number, turns in enumerate(raw, 1)
    ]


class _Budget:
    """How many expected words a file may expand to: what it holds, not what its aliases repeat."""

    def __init__(self, path: Path) -> None:
        self.left = _EXPANSION_SLACK + path.stat().st_size

    def spend(self, words: int) -> bool:
        self.left -= words
        return self.left >= 0


def _case(path: Path, where: str, item: object, budget: _Budget) -> Case:
    if not isinstance(item, dict) or not isinstance(item.get("q"), str) or item.get("kind") not in KINDS:
        raise EvaluationError(f"{path}: {where} needs 'q' (text) and 'kind' (one of {', '.join(KINDS)})")
    expect = item.get("expect") or []
    if not isinstance(expect, list) or not all(isinstance(group, list) for group in expect):
        raise EvaluationError(f"{path}: {where} ({item['q'][:60]!r}): 'expect' must be lists of words")
    if not budget.spend(1 + sum(len(group) for group in expect)):
        raise EvaluationError(f"{path}: {where}: its aliases (*name) repeat more than the file holds")
    if not all(isinstance(word, str | int | float) for group in expect for word in group):
        raise EvaluationError(f"{path}: {where} ({item['q'][:60]!r}): 'expect' must be lists of words")
    groups = tuple(tuple(str(word) for word in group) for group in expect)
    return Case(item["q"], item["kind"], groups, follow=item.get("follow") is True)


def fold(text: str) -> str:
    """score.py's folding: ligature, apostrophe and no-break space, accents, case."""
    text = text.replace("œ", "oe").replace("Œ", "OE").replace("’", "'").replace("\u00a0", " ")
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def hits(answer: str, word: str) -> bool:
    """Whether ``word`` occurs in ``answer`` as whole words, folded."""
    return re.search(r"(?<![\w])" + re.escape(fold(word)) + r"(?![\w])", fold(answer)) is not None


def judge(case: Case, fact_id: str | None, answer: str) -> bool:
    """Whether the reply is right: the expected words for answerable cases, no fact for the others."""
    if not case.expect:
        return fact_id is None
    if fact_id is None:
        return False
    return all(any(hits(answer, word) for word in group) for group in case.expect)


def evaluate(answerer: Replier, cases: Iterable[Case]) -> Report:
    """Ask every case and judge the replies."""
    report = Report()
    for case in cases:
        reply = answerer.reply(case.q.replace("\n", " "))
        ok = judge(case, reply.fact_id, reply.answer)
        report.total[case.kind] += 1
        report.good[case.kind] += ok
        report.declined += reply.kind == "decline"
        if not ok:
            report.misses.append(Miss(case, reply.fact_id, reply.answer))
    return report


def evaluate_conversations(
    answerer: Answerer, conversations: Iterable[Sequence[Case]], *, memory: float = 300.0
) -> Report:
    """Ask every conversation's turns in order, each conversation as a new chat, and judge the replies.
    A turn that needs no context is also asked alone: when only that reading is right, the context bent it."""
    report = Report()
    for turns in conversations:
        chat = Conversation(memory=memory, clock=lambda: 0.0)
        for case in turns:
            reply = chat.reply(answerer, case.q.replace("\n", " "))
            ok = judge(case, reply.fact_id, reply.answer)
            report.total[case.kind] += 1
            report.good[case.kind] += ok
            report.declined += reply.kind == "decline"
            if case.follow:
                report.follow_total[case.kind] += 1
                report.follow_good[case.kind] += ok
            if not ok:
                report.misses.append(Miss(case, reply.fact_id, reply.answer))
                alone = answerer.reply(case.q.replace("\n", " "))
                if not case.follow and judge(case, alone.fact_id, alone.answer):
                    report.bent.append(Miss(case, reply.fact_id, reply.answer))
    return report


def article_name(knowledge: Path) -> str:
    """How reports name an article: its knowledge file, relative to the working folder when it is inside it."""
    try:
        return str(knowledge.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(knowledge)


@dataclass(frozen=True)
class SweepRow:
    """The results at one decline threshold."""

    cutoff: float
    report: Report


def sweep(knowledge: Knowledge, cases: Sequence[Case], cutoffs: Iterable[float] = SWEEP_CUTOFFS) -> list[SweepRow]:
    """The evaluation at each decline threshold (a probability in percent), to choose the threshold with evidence."""
    return [SweepRow(cutoff, evaluate(Answerer(knowledge, score_cutoff=cutoff), cases)) for cutoff in cutoffs]
