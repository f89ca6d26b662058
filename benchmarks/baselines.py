"""Two textbook ways to match a question to a fact, to compare the matcher against.

BM25 (``rank_bm25.BM25Okapi``) over each fact's example questions and answers,
and rapidfuzz's ``process.extractOne`` (WRatio) over every example question.
Both see the same normalised text as the matcher and answer with the best
fact's answer in the question's language; neither knows about typos, synonyms,
question kinds or small talk. Only the benchmarks use them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from rapidfuzz import process

from bot.errors import BotError
from bot.folding import normalize, tokenize
from bot.knowledge.model import LANGUAGES, Fact, Knowledge
from bot.matching.text import detect_language

BENCH_INSTALL = "pip install -e '.[bench]'"


@dataclass(frozen=True)
class Guess:
    """A baseline's best fact for a question (None when it found nothing) and its own score."""

    fact: Fact | None
    score: float

    def answer(self, question: str) -> str:
        """The best fact's answer in the question's language; empty when there is no fact."""
        if self.fact is None:
            return ""
        return self.fact.answer(detect_language(question, tokenize(question)))


class Baseline(Protocol):
    """A matcher with no cutoff of its own: ``best`` returns the top fact and its score."""

    name: str

    def best(self, question: str) -> Guess: ...


class Bm25Baseline:
    """BM25 Okapi: one document per fact, its example questions and answers as normalised tokens."""

    name = "bm25"

    def __init__(self, knowledge: Knowledge) -> None:
        bm25_class = _bm25_class()
        self._facts = knowledge.facts
        documents = [
            tokenize(" ".join([*(q for qs in fact.questions.values() for q in qs), *fact.answers.values()]))
            for fact in knowledge.facts
        ]
        self._bm25 = bm25_class(documents)

    def best(self, question: str) -> Guess:
        tokens = tokenize(question)
        if not tokens:
            return Guess(None, 0.0)
        scores = self._bm25.get_scores(tokens)
        index = int(scores.argmax())
        return Guess(self._facts[index], float(scores[index]))


class ExtractOneBaseline:
    """rapidfuzz ``process.extractOne`` with its default scorer (WRatio) over every normalised example question."""

    name = "extractone"

    def __init__(self, knowledge: Knowledge) -> None:
        self._choices: list[str] = []
        self._owners: list[Fact] = []
        for fact in knowledge.facts:
            for lang in LANGUAGES:
                for question in fact.questions.get(lang, ()):
                    self._choices.append(normalize(question))
                    self._owners.append(fact)

    def best(self, question: str) -> Guess:
        query = normalize(question)
        found = process.extractOne(query, self._choices, processor=None) if query else None
        if found is None:
            return Guess(None, 0.0)
        return Guess(self._owners[found[2]], float(found[1]))


def build(name: str, knowledge: Knowledge) -> Baseline:
    """The baseline called ``name`` (bm25 or extractone) over ``knowledge``."""
    if name == "bm25":
        return Bm25Baseline(knowledge)
    return ExtractOneBaseline(knowledge)


def answer_with(name: str, knowledge: Knowledge, lines: Iterable[str]) -> Iterator[dict[str, Any]]:
    """A baseline's best fact, score and answer for each question: what the batch benchmark times."""
    baseline = build(name, knowledge)
    for question in lines:
        guess = baseline.best(question)
        fact_id = guess.fact.id if guess.fact else None
        yield {
            "question": question,
            "fact_id": fact_id,
            "score": round(guess.score, 3),
            "answer": guess.answer(question),
        }


def bm25_available() -> bool:
    """Whether rank_bm25 (the ``bench`` extra) is installed."""
    try:
        _bm25_class()
    except BotError:
        return False
    return True


def _bm25_class() -> Any:
    try:
        from rank_bm25 import BM25Okapi
    except ImportError:
        raise BotError(f"the BM25 baseline needs rank_bm25; install the bench extra: {BENCH_INSTALL}") from None
    return BM25Okapi
