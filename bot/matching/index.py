"""The inverted index behind the matcher, kept in flat arrays rather than per-fact dicts.

At 100,000 facts a dict of term weights and a dict of example features per fact
took 160 MB and millions of objects, which the load cache then had to pickle and
unpickle one by one. Here every term is an int id; the facts holding a term
(its postings) are one ``array`` of fact numbers in order, with the weight of
the field the term came from as a one-byte code beside it; each fact's example
questions are (feature id, example number) pairs sorted by feature, in one
array for all facts with an offset per fact. Lookups are a slice or a bisect.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from hashlib import blake2b


class Index:
    """Which facts hold which terms, and which example questions of a fact hold which features.

    Add the facts in order with ``add``, then call ``finish`` once every
    document frequency is known; the index is read-only after that.
    """

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        """Every term and feature seen, by id."""
        self._levels: list[float] = []  # the distinct field weights; postings store their position here
        self._facts: list[array[int]] = []  # by term id: the facts holding it, ascending
        self._codes: list[array[int]] = []  # by term id: the field weight of each of those facts, as a level
        self._features = array("I")  # every fact's example features, sorted within the fact
        self._positions = array("H")  # the example number of each feature above
        self._feature_start = array("I", [0])  # fact n's features are [start[n], start[n + 1])
        self._example_weights = array("d")
        self._example_start = array("I", [0])
        self._example_counts: list[int] = []  # until finish: how many examples each fact has

    def __len__(self) -> int:
        return len(self._feature_start) - 1

    def term_id(self, term: str) -> int:
        """The id of a term, given a new one the first time it is seen."""
        found = self.ids.get(term)
        if found is None:
            found = self.ids[term] = len(self.ids)
            self._facts.append(array("I"))
            self._codes.append(array("B"))
        return found

    def add(self, terms: Mapping[str, float], examples: Sequence[Collection[str]]) -> None:
        """The next fact: its terms with their field weight, and the features of each example question."""
        fact = len(self)
        for term, weight in terms.items():
            term_id = self.term_id(term)
            if weight not in self._levels:
                self._levels.append(weight)
            self._facts[term_id].append(fact)
            self._codes[term_id].append(self._levels.index(weight))
        pairs = sorted(
            (self.term_id(feature), position) for position, features in enumerate(examples) for feature in features
        )
        self._features.extend(feature for feature, _ in pairs)
        self._positions.extend(position for _, position in pairs)
        self._feature_start.append(len(self._features))
        self._example_counts.append(len(examples))

    def finish(self, feature_weight: Callable[[str], float]) -> None:
        """Weigh every example question as the sum of its features' weights."""
        names = sorted(self.ids, key=self.ids.__getitem__)
        weights = [feature_weight(name) for name in names]
        for fact, count in enumerate(self._example_counts):
            totals = [0.0] * count
            for index in range(self._feature_start[fact], self._feature_start[fact + 1]):
                totals[self._positions[index]] += weights[self._features[index]]
            self._example_weights.extend(totals)
            self._example_start.append(len(self._example_weights))
        self._example_counts = []

    def frequency(self, term_id: int) -> int:
        """How many facts hold a term."""
        return len(self._facts[term_id])

    def postings(self, term_id: int) -> array[int]:
        """The facts holding a term, ascending."""
        return self._facts[term_id]

    def weights(self, term_id: int, facts: Collection[int]) -> dict[int, float]:
        """The field weight of a term in each of ``facts`` that holds it.

        Walks the postings when they are short next to ``facts``, else looks each
        fact up in them: a common term on a few candidates stays cheap.
        """
        postings, codes, levels = self._facts[term_id], self._codes[term_id], self._levels
        if len(postings) <= 4 * len(facts):
            return {fact: levels[code] for fact, code in zip(postings, codes, strict=True) if fact in facts}
        found: dict[int, float] = {}
        end = len(postings)
        for fact in facts:
            at = bisect_left(postings, fact)
            if at < end and postings[at] == fact:
                found[fact] = levels[codes[at]]
        return found

    def best_similarity(self, fact: int, features: Iterable[tuple[int, float]], weight: float) -> float:
        """The highest weighted Jaccard similarity between a query and one of the fact's examples.

        ``features`` are the query's feature ids with their weights, ``weight`` their sum.
        """
        low, high = self._feature_start[fact], self._feature_start[fact + 1]
        first, last = self._example_start[fact], self._example_start[fact + 1]
        shared = [0.0] * (last - first)
        for feature, feature_weight in features:
            at = bisect_left(self._features, feature, low, high)
            while at < high and self._features[at] == feature:
                shared[self._positions[at]] += feature_weight
                at += 1
        examples = self._example_weights
        return max(
            (common / (weight + examples[first + i] - common) for i, common in enumerate(shared) if common),
            default=0.0,
        )


class Questions:
    """Which fact lists a question, by the question's normalised text: example questions always reach their fact.

    Kept as sorted 64-bit digests with the fact beside each (12 bytes a
    question) rather than a dict of strings, which took 150 MB at 100,000 facts;
    a digest found is confirmed against the fact's own questions by the caller.
    """

    def __init__(self) -> None:
        self._pending: list[tuple[int, int]] = []
        self._digests = array("q")
        self._facts = array("I")

    def add(self, key: str, fact: int) -> None:
        """``key`` (a question's normalised text) is asked by fact number ``fact``; call ``finish`` after the last."""
        if key:
            self._pending.append((_digest(key), fact))

    def finish(self) -> None:
        self._pending.sort()
        self._digests.extend(digest for digest, _ in self._pending)
        self._facts.extend(fact for _, fact in self._pending)
        self._pending = []

    def find(self, key: str) -> list[int]:
        """The facts that may list ``key`` (a digest can, very rarely, be shared)."""
        digest = _digest(key)
        at = bisect_left(self._digests, digest)
        found = []
        while at < len(self._digests) and self._digests[at] == digest:
            found.append(self._facts[at])
            at += 1
        return found


def _digest(key: str) -> int:
    return int.from_bytes(blake2b(key.encode(), digest_size=8).digest(), "big", signed=True)
