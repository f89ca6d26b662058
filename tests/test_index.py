"""The flat-array inverted index: postings with field weights, and example questions by feature."""

from __future__ import annotations

import pytest

from bot.matching.index import Index


def feature_weight(feature: str) -> float:
    return 2.0 if feature.startswith("?") else 1.0


@pytest.fixture
def index() -> Index:
    built = Index()
    built.add({"vostok": 1.0, "china": 0.75}, [["vostok", "?when"], ["china", "vostok"]])
    built.add({"china": 0.5}, [["china", "?who"]])
    for _ in range(20):
        built.add({"troop": 1.0, "china": 1.0}, [["troop"]])
    built.finish(feature_weight)
    return built


def test_postings_list_the_facts_holding_a_term_in_order(index: Index) -> None:
    china = index.ids["china"]
    assert list(index.postings(china)) == list(range(22))
    assert index.frequency(index.ids["vostok"]) == 1


def test_field_weights_are_the_same_whether_postings_are_walked_or_searched(index: Index) -> None:
    china = index.ids["china"]
    few = {0, 1}  # 22 postings against 2 facts: each fact is looked up
    many = set(range(30))  # 22 postings against 30 facts: the postings are walked
    assert index.weights(china, few) == {0: 0.75, 1: 0.5}
    assert index.weights(china, many) == {0: 0.75, 1: 0.5, **{fact: 1.0 for fact in range(2, 22)}}


def test_a_fact_that_lacks_the_term_has_no_weight(index: Index) -> None:
    assert index.weights(index.ids["vostok"], {1, 2, 3}) == {}
    assert index.weights(index.ids["troop"], {0, 1}) == {}


def test_similarity_is_to_the_closest_example_of_the_fact(index: Index) -> None:
    vostok, china, when = index.ids["vostok"], index.ids["china"], index.ids["?when"]
    # example 0 weighs 3 (vostok 1 + ?when 2); the query shares all of it: Jaccard 3 / (3 + 3 - 3)
    assert index.best_similarity(0, [(vostok, 1.0), (when, 2.0)], 3.0) == pytest.approx(1.0)
    # only "china" in common with example 1 (weight 2): 1 / (1 + 2 - 1)
    assert index.best_similarity(0, [(china, 1.0)], 1.0) == pytest.approx(0.5)


def test_similarity_is_zero_without_a_shared_feature(index: Index) -> None:
    assert index.best_similarity(1, [(index.ids["vostok"], 1.0)], 1.0) == 0.0
