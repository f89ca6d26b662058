"""Answer quality on the maintainers' evaluation sets, with floors that fail the build when it drops.

The floors sit a little under what the bot scores today, so a change that makes
answers worse fails here; raise them when quality improves.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answerer import Answerer
from bot.folding import normalize
from bot.knowledge.reading import load
from bot.upkeep.evaluation import evaluate, load_cases

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT.parent / "shared" / "eval" / "sample.yaml"


@pytest.fixture(scope="module")
def answerer() -> Answerer:
    return Answerer(load(ROOT / "knowledge" / "facts.yaml"))


@pytest.mark.parametrize(
    ("name", "answerable", "refused", "near"),
    [
        ("eval.yaml", 0.95, 0.95, 0.75),
        ("eval-holdout.yaml", 0.95, 1.0, 0.6),
        ("eval-fresh.yaml", 0.95, 1.0, 0.75),
        ("eval-street.yaml", 0.85, 1.0, 0.6),
        ("eval-mixed.yaml", 0.95, 1.0, 0.7),
        ("eval-blind.yaml", 0.93, 1.0, 0.5),
        ("eval-coverage.yaml", 0.93, 1.0, 0.5),
        ("eval-style.yaml", 0.9, 1.0, 0.6),
        ("eval-final.yaml", 0.9, 1.0, 0.6),
        ("eval-english.yaml", 0.72, 1.0, 0.6),
    ],
)
def test_evaluation_set_scores_above_its_floor(
    answerer: Answerer, name: str, answerable: float, refused: float, near: float
) -> None:
    cases = load_cases(ROOT / "knowledge" / name)
    assert len(cases) >= 120
    report = evaluate(answerer, cases)
    misses = "\n".join(f"[{miss.case.kind}] {miss.case.q!r} -> {miss.fact_id}" for miss in report.misses)
    assert report.answerable >= answerable, misses
    assert report.refused >= refused, misses
    assert report.near_refused >= near, misses


def test_every_sample_case_passes(answerer: Answerer) -> None:
    report = evaluate(answerer, load_cases(SAMPLE))
    assert not report.misses, report.misses


def test_evaluation_sets_do_not_copy_the_samples_questions() -> None:
    sample = {case.q.casefold() for case in load_cases(SAMPLE) if case.expect}
    for name in (
        "eval.yaml",
        "eval-holdout.yaml",
        "eval-fresh.yaml",
        "eval-street.yaml",
        "eval-mixed.yaml",
        "eval-blind.yaml",
    ):
        assert not sample & {case.q.casefold() for case in load_cases(ROOT / "knowledge" / name)}


def test_knowledge_does_not_copy_the_samples_questions() -> None:
    knowledge = load(ROOT / "knowledge" / "facts.yaml")
    asked = {normalize(q) for fact in knowledge.facts for questions in fact.questions.values() for q in questions}
    assert not asked & {normalize(case.q) for case in load_cases(SAMPLE)}
