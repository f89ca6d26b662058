"""The reply around a decision: ties offered as "did you mean", related facts offered on a decline.

A fake matcher scripts the candidates and their probabilities, so these tests
hold the answerer's own rules (tie margin, related share) whatever the matcher
and the learned weights do.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from bot.answerer import Answerer
from bot.knowledge.model import Fact, Knowledge
from bot.matching.matcher import Evidence, Match, Query


@dataclass
class FakeMatcher:
    """Answers every question with the scripted matches, best first, and records what it was asked."""

    matches: list[Match]
    score_cutoff: float = 70.0
    asked: list[str] = field(default_factory=list)

    def analyse(self, question: str, *, lang: str | None = None) -> Query:
        self.asked.append(question)
        return Query(question, tuple(question.split()), ("topic",), frozenset(), lang or "en")

    def example(self, query: Query) -> Match | None:
        return None

    def header_request(self, query: Query) -> str | None:
        return None

    def names(self, terms: Iterable[str]) -> tuple[str, ...]:
        return ()

    def held(self, fact_id: str, terms: Iterable[str]) -> tuple[str, ...]:
        return tuple(terms)

    def extract(self, query: Query, *, limit: int = 3) -> list[Match]:
        return self.matches[:limit]

    def other_readings(self, question: str, *, lang: str) -> list[Query]:
        return []


def fact(fact_id: str) -> Fact:
    return Fact(fact_id, {"en": f"The answer about {fact_id}."}, {"en": (f"What about {fact_id}?",)}, ("source",))


FACTS = tuple(fact(name) for name in ("alpha", "beta", "gamma", "delta"))


def evidence(coverage: float) -> Evidence:
    """What a matcher measured for a fact holding ``coverage`` of what the question names."""
    return Evidence(coverage, 0.5, True, True, True, False, 0.0, 0.0, 0.0, 0.0, False, coverage)


def answerer_with(*scores: float, coverages: tuple[float, ...] = ()) -> Answerer:
    answerer = Answerer(Knowledge(Path("facts.yaml"), Path("article.txt"), "source", FACTS))
    covered = coverages or (1.0,) * len(scores)
    matches = [Match(f, score, evidence(c)) for f, score, c in zip(FACTS, scores, covered, strict=False)]
    answerer.matcher = FakeMatcher(matches)  # type: ignore[assignment]
    return answerer


def test_a_fact_a_few_points_behind_the_best_is_offered_beside_the_answer() -> None:
    reply = answerer_with(92.0, 88.0, 40.0).reply("question")
    assert reply.fact_id == "alpha"
    assert reply.suggestions == ("beta",)
    assert "did you mean" in reply.answer


def test_a_fact_well_behind_the_best_is_not_offered() -> None:
    reply = answerer_with(92.0, 80.0).reply("question")
    assert reply.fact_id == "alpha" and reply.suggestions == ()


def test_the_fact_a_conversation_is_about_wins_a_near_tie_and_only_a_near_tie() -> None:
    answerer = answerer_with(92.0, 88.0, 40.0)
    query = answerer.matcher.analyse("where were the drills?")
    reply = answerer.reply_to(query, "where were the drills?", prefer="beta")
    assert (reply.fact_id, reply.suggestions) == ("beta", ("alpha",))  # the best is still offered beside it
    assert answerer.reply_to(query, "where were the drills?", prefer="gamma").fact_id == "alpha"


def test_a_runner_up_below_the_threshold_is_never_offered_as_a_tie() -> None:
    reply = answerer_with(72.0, 69.0).reply("question")
    assert reply.fact_id == "alpha" and reply.suggestions == ()


def test_below_the_threshold_the_bot_declines_and_offers_the_facts_that_hold_half_the_question() -> None:
    reply = answerer_with(60.0, 40.0, 50.0, coverages=(0.8, 0.5, 0.3)).reply("question")
    assert reply.kind == "decline" and reply.fact_id is None
    assert reply.suggestions == ("alpha", "beta")
    assert reply.candidate == "alpha"


def test_a_decline_with_nothing_related_offers_the_first_facts_as_examples() -> None:
    reply = answerer_with(10.0, 5.0, coverages=(0.2, 0.1)).reply("question")
    assert reply.kind == "decline" and reply.suggestions == ()
    assert [choice.fact_id for choice in reply.choices] == ["alpha", "beta", "gamma"]


@pytest.mark.parametrize("score", [70.0, 99.9])
def test_at_or_above_the_threshold_the_best_fact_answers(score: float) -> None:
    assert answerer_with(score).reply("question").fact_id == "alpha"
