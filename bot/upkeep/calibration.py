"""Learning the decision: a logistic regression over the matcher's evidence, fitted on labelled questions.

Each labelled question gives one example: what the matcher measured between it
and its best fact, and whether that fact's answer is right (the evaluation
judge's verdict; off-topic, small-talk and near-miss questions are never
right). Every article weighs the same, however many questions it has, so the
article the bot started on does not decide alone. Leave-one-article-out
validation scores each article with weights learned on the others: the honest
estimate of how the bot does on an article nobody tuned it on. Pure Python
(Newton's method on a dozen weights), so training needs no extra package.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from bot.answerer import Answerer
from bot.matching.decision import FEATURES, Decision, features
from bot.matching.matcher import Match
from bot.upkeep.evaluation import ANSWERABLE, Case, judge

OFF_TOPIC_DECLINED = 0.99
"""The threshold is chosen among those that decline this much of off-topic questions and small talk on articles
held out of the training: answering them is the mistake users forgive least."""
L2 = 1.0
"""Ridge penalty on the weights (not the bias): keeps them small where the data says little."""
_ITERATIONS = 25


@dataclass(frozen=True)
class Reading:
    """One reading of a labelled question (the whole message, or a narrower one): its best fact's features, and
    whether that fact's answer is right."""

    x: tuple[float, ...]
    right: bool


@dataclass(frozen=True)
class Example:
    """One labelled question: its readings (the whole message first), its kind, and where it comes from."""

    readings: tuple[Reading, ...]
    kind: str
    article: str
    exact: bool = False
    """The question is one of a fact's own examples: always answered, so it teaches the model nothing."""


def examples(answerer: Answerer, cases: Iterable[Case], article: str) -> list[Example]:
    """The labelled examples of one article's cases; a message with nothing to match (small talk) has no reading."""
    found = []
    matcher = answerer.matcher
    for case in cases:
        question = case.q.replace("\n", " ")
        query = matcher.analyse(question)
        if matcher.example(query) is not None:
            right = bool(case.expect) and judge(case, *_answer(matcher.example(query), query.lang))
            found.append(Example((Reading((), right),), case.kind, article, exact=True))
            continue
        readings = []
        for reading in (query, *matcher.other_readings(question, lang=query.lang)):
            matches = matcher.extract(reading, limit=2)
            if not matches or matches[0].evidence is None:
                continue
            runner_up = matches[1].evidence.ranking if len(matches) > 1 and matches[1].evidence else 0.0
            right = bool(case.expect) and judge(case, *_answer(matches[0], query.lang))
            readings.append(Reading(features(matches[0].evidence, runner_up), right))
        found.append(Example(tuple(readings), case.kind, article))  # no reading: declined whatever the weights
    return found


def _answer(match: Match | None, lang: str) -> tuple[str | None, str]:
    return (match.fact.id, match.fact.answer(lang)) if match else (None, "")


def fit(data: Sequence[Example], *, l2: float = L2) -> tuple[tuple[float, ...], float]:
    """The weights and bias that maximise the (article-balanced, ridge-penalised) likelihood of ``data``'s readings."""
    cases = [example for example in data if not example.exact]
    per_article: dict[str, int] = {}
    for example in cases:
        per_article[example.article] = per_article.get(example.article, 0) + 1
    rows = [
        (reading, len(cases) / (len(per_article) * per_article[example.article] * len(example.readings)))
        for example in cases
        for reading in example.readings
    ]
    size = len(FEATURES) + 1
    beta = [0.0] * size
    for _ in range(_ITERATIONS):
        gradient = [l2 * b for b in beta[:-1]] + [0.0]
        hessian = [[l2 if i == j and i < size - 1 else 0.0 for j in range(size)] for i in range(size)]
        for reading, weight in rows:
            x = (*reading.x, 1.0)
            p = _sigmoid(sum(b * v for b, v in zip(beta, x, strict=True)))
            error = weight * (p - reading.right)
            curvature = weight * p * (1 - p)
            for i in range(size):
                gradient[i] += error * x[i]
                row = hessian[i]
                scaled = curvature * x[i]
                for j in range(i + 1):
                    row[j] += scaled * x[j]
        for i in range(size):
            for j in range(i):
                hessian[j][i] = hessian[i][j]
        step = _solve(hessian, gradient)
        beta = [b - s for b, s in zip(beta, step, strict=True)]
        if max(abs(s) for s in step) < 1e-7:
            break
    return tuple(beta[:-1]), beta[-1]


def probabilities(data: Sequence[Example], weights: Sequence[float], bias: float) -> list[list[float]]:
    """The probability of each reading of each example under the given weights (1 for an example question)."""
    return [
        [1.0 if e.exact else _sigmoid(bias + sum(w * v for w, v in zip(weights, r.x, strict=True))) for r in e.readings]
        for e in data
    ]


@dataclass(frozen=True)
class Outcome:
    """How one article's questions fare at one threshold."""

    answered: int
    answerable: int
    refused: int
    refusable: int
    near: int
    near_total: int

    def share(self, part: str) -> float:
        good, total = {
            "answerable": (self.answered, self.answerable),
            "refused": (self.refused, self.refusable),
            "near": (self.near, self.near_total),
        }[part]
        return good / total if total else 1.0


def outcome(data: Sequence[Example], probability: Sequence[Sequence[float]], threshold: float) -> Outcome:
    """The evaluation's counts when the bot answers as ``Answerer`` does: the whole message when its best fact
    reaches ``threshold``, else the narrower reading whose best fact is likeliest, if it reaches it.

    A message with no reading (small talk, nothing to match) is declined whatever the threshold.
    """
    answered = answerable = refused = refusable = near = near_total = 0
    for example, chances in zip(data, probability, strict=True):
        chosen = 0 if not chances or chances[0] >= threshold else max(range(len(chances)), key=chances.__getitem__)
        answers = bool(chances) and chances[chosen] >= threshold
        if example.kind in ANSWERABLE:
            answerable += 1
            answered += answers and example.readings[chosen].right
        elif example.kind == "near":
            near_total += 1
            near += not answers
        else:
            refusable += 1
            refused += not answers
    return Outcome(answered, answerable, refused, refusable, near, near_total)


def held_out_probabilities(data: Sequence[Example], *, l2: float = L2) -> list[list[float]]:
    """Each example's reading probabilities under weights learned without its article (leave one article out)."""
    result: list[list[float]] = [[] for _ in data]
    for article in sorted({e.article for e in data}):
        weights, bias = fit([e for e in data if e.article != article], l2=l2)
        positions = [i for i, e in enumerate(data) if e.article == article]
        for i, chances in zip(positions, probabilities([data[i] for i in positions], weights, bias), strict=True):
            result[i] = chances
    return result


def best_threshold(means: Mapping[float, tuple[float, float, float]]) -> float:
    """The threshold with the most answered right plus half of what it declines well, among those declining at
    least ``OFF_TOPIC_DECLINED`` of off-topic questions; ``means`` maps each threshold to the held-out articles'
    mean answerable right, off-topic declined and near misses declined."""
    allowed = {t: m for t, m in means.items() if m[1] >= OFF_TOPIC_DECLINED} or means
    return max(allowed, key=lambda t: (allowed[t][0] + (allowed[t][1] + allowed[t][2]) / 2, t))


def train(data: Sequence[Example], threshold: float, *, l2: float = L2) -> Decision:
    """The decision learned from every example, answering at ``threshold``."""
    weights, bias = fit(data, l2=l2)
    return Decision(tuple(round(w, 4) for w in weights), round(bias, 4), threshold)


def _sigmoid(z: float) -> float:
    if z < -700:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting on a small symmetric positive-definite system."""
    size = len(vector)
    rows = [[*matrix[i], vector[i]] for i in range(size)]
    for column in range(size):
        pivot = max(range(column, size), key=lambda r: abs(rows[r][column]))
        rows[column], rows[pivot] = rows[pivot], rows[column]
        lead = rows[column][column]
        for r in range(column + 1, size):
            factor = rows[r][column] / lead
            if factor:
                for c in range(column, size + 1):
                    rows[r][c] -= factor * rows[column][c]
    solution = [0.0] * size
    for r in reversed(range(size)):
        solution[r] = (rows[r][size] - sum(rows[r][c] * solution[c] for c in range(r + 1, size))) / rows[r][r]
    return solution
