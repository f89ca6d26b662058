"""Whether the best fact answers a question: a probability learned from labelled questions, and one threshold.

The matcher ranks facts; this module decides. A logistic regression weighs what
the matcher measured between the question and its best fact (coverage,
closeness to an example question, the lead over the runner-up, words no fact
knows, a kind of question or a name the fact does not answer...) into the
probability that the fact answers it. The weights are learned from the labelled
evaluation sets of several articles (``python -m bot eval --train``, in
``bot.upkeep.calibration``) and kept in ``decision.json`` beside this module
(``decision-sparse.json``, learned on unedited drafts, for knowledge with few
example questions);
evaluating them is a dot product, with no dependency and nothing to load but
that small file. An example question the knowledge lists is always its fact's:
maintainers can rely on what they wrote.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

WEIGHTS_PATH = Path(__file__).with_name("decision.json")
SPARSE_WEIGHTS_PATH = Path(__file__).with_name("decision-sparse.json")
SPARSE_EXAMPLES = 8.0
"""A knowledge with fewer example questions per fact than this (an unedited ``extract`` draft has 2-4, a
hand-written one 15 or more) is judged by the decision learned on drafts: with few examples a right fact
is rarely close to one, so closeness to an example means something else there."""
EXACT = 0.999
"""A similarity this close to 1: the question is one of the fact's example questions, in other words."""


class Measured(Protocol):
    """What the matcher measured between a question and one fact (``bot.matching.matcher.Evidence``)."""

    @property
    def coverage(self) -> float: ...
    @property
    def similarity(self) -> float: ...
    @property
    def kinds_agree(self) -> bool: ...
    @property
    def counts_agree(self) -> bool: ...
    @property
    def asks_kind(self) -> bool: ...
    @property
    def entity_missing(self) -> bool: ...
    @property
    def unknown(self) -> float: ...
    @property
    def misspelt(self) -> float: ...
    @property
    def missing(self) -> float: ...
    @property
    def heaviest_missing(self) -> float: ...
    @property
    def asker(self) -> bool: ...
    @property
    def ranking(self) -> float: ...


FEATURES = (
    "log_ranking",
    "log_coverage",
    "log_similarity",
    "coverage",
    "similarity",
    "lead",
    "kind_mismatch",
    "count_mismatch",
    "no_kind",
    "entity_missing",
    "unknown",
    "misspelt",
    "missing",
    "heaviest_missing",
    "asker",
)


def features(evidence: Measured, runner_up: float) -> tuple[float, ...]:
    """The model's inputs for one fact, ``runner_up`` being the best ranking among the other facts."""
    return (
        math.log(evidence.ranking + 0.01),
        math.log(evidence.coverage + 0.01),
        math.log(evidence.similarity + 0.05),
        evidence.coverage,
        evidence.similarity,
        evidence.ranking - runner_up,
        float(not evidence.kinds_agree),  # a kind of question it does not answer
        float(not evidence.counts_agree),
        float(not evidence.asks_kind),
        float(evidence.entity_missing),
        evidence.unknown,
        evidence.misspelt,
        evidence.missing,
        evidence.heaviest_missing,
        float(evidence.asker),
    )


@dataclass(frozen=True)
class Decision:
    """Learned weights over ``FEATURES`` and the probability above which the bot answers."""

    weights: tuple[float, ...]
    bias: float
    threshold: float

    def probability(self, evidence: Measured, runner_up: float) -> float:
        """How likely the fact answers the question (0-1); 1 for one of its own example questions."""
        if evidence.similarity >= EXACT and evidence.kinds_agree and evidence.counts_agree:
            return 1.0
        z = self.bias + sum(w * x for w, x in zip(self.weights, features(evidence, runner_up), strict=True))
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0

    def as_json(self) -> dict[str, object]:
        """What ``decision.json`` holds."""
        return {
            "features": list(FEATURES),
            "weights": dict(zip(FEATURES, self.weights, strict=True)),
            "bias": self.bias,
            "threshold": self.threshold,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> Decision:
        """The decision ``as_json`` wrote; a feature it lacks weighs nothing."""
        weights = data.get("weights")
        if not isinstance(weights, Mapping):
            raise ValueError("'weights' must map feature names to numbers")
        return cls(
            tuple(float(weights.get(name, 0.0)) for name in FEATURES),
            float(data.get("bias", 0.0)),  # type: ignore[arg-type]
            float(data.get("threshold", 0.5)),  # type: ignore[arg-type]
        )


def load(path: Path = WEIGHTS_PATH) -> Decision:
    """The learned decision shipped with the package."""
    return Decision.from_json(json.loads(path.read_text(encoding="utf-8")))


def for_examples(per_fact: float) -> Decision:
    """The shipped decision for a knowledge with ``per_fact`` example questions per fact on average."""
    return load(SPARSE_WEIGHTS_PATH if per_fact < SPARSE_EXAMPLES else WEIGHTS_PATH)


def runner_up_rankings(rankings: Sequence[float]) -> list[float]:
    """For each fact, the best ranking among the others (0 when it is alone)."""
    if len(rankings) < 2:
        return [0.0] * len(rankings)
    first = max(range(len(rankings)), key=rankings.__getitem__)
    second = max(r for i, r in enumerate(rankings) if i != first)
    return [second if i == first else rankings[first] for i in range(len(rankings))]
