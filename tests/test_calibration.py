"""Learning the decision (`eval --train`), the decision for sparse knowledge, and what a draft is worth
(`eval --drafts`)."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from bot.cli import main
from bot.knowledge.model import Fact, Knowledge
from bot.matching import decision
from bot.matching.matcher import Evidence, Matcher
from bot.upkeep import calibration

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "knowledge" / "corpus"

ARTICLE = """\
The town of Dunmore opened a new library on Monday.
The library holds 40,000 books and a children's room.
"""
FACTS = """\
article: article.txt
facts:
  - id: opening
    en:
      answer: The town of Dunmore opened a new library on Monday.
      questions: [What did Dunmore open?, When did the library open?]
    source: [The town of Dunmore opened a new library on Monday.]
"""


def fact_with(questions: int) -> Fact:
    asked = tuple(f"What about the library, question {n}?" for n in range(questions))
    return Fact("library", {"en": "A new library."}, {"en": asked}, ("A new library.",))


def knowledge_with(questions_per_fact: int) -> Knowledge:
    return Knowledge(Path("facts.yaml"), Path("article.txt"), "A new library.", (fact_with(questions_per_fact),))


def test_knowledge_with_few_example_questions_is_judged_by_the_decision_learned_on_drafts() -> None:
    sparse, dense = decision.load(decision.SPARSE_WEIGHTS_PATH), decision.load(decision.WEIGHTS_PATH)
    assert sparse != dense
    assert Matcher(knowledge_with(3)).decision == sparse  # as many as an unedited draft has
    assert Matcher(knowledge_with(16)).decision == dense  # as many as a hand-written fact has


def test_eval_drafts_asks_the_questions_of_a_draft_of_the_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "facts.yaml").write_text(FACTS, encoding="utf-8")
    cases = tmp_path / "eval.yaml"
    cases.write_text("cases:\n- {q: 'How many books does the library hold?', kind: en, expect: [['40,000']]}\n")
    assert main(["eval", str(cases)]) == 0
    assert "answerable 0/1" in capsys.readouterr().out  # the knowledge never mentions the books
    assert main(["eval", str(cases), "--drafts"]) == 0
    assert "answerable 1/1" in capsys.readouterr().out  # the draft has a fact for each sentence


def test_train_writes_a_decision_that_declines_off_topic_questions_on_articles_it_never_saw(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sets = [str(CORPUS / name / "eval.yaml") for name in ("cisco-q3-earnings", "solomon-islands-earthquake-2010")]
    out = tmp_path / "decision.json"
    assert main(["eval", *sets, "--quiet", "--train", str(out)]) == 0
    printed = capsys.readouterr().out
    learned = decision.load(out)
    assert len(learned.weights) == len(decision.FEATURES)
    rows = {
        float(row[0]): float(row[2])
        for row in re.findall(r"^ *(0\.\d\d) +answerable (\S+)%  off-topic\+small (\S+)%", printed, re.M)
    }
    assert len(rows) == 19
    assert rows[learned.threshold] >= 99.0  # off-topic declined on the article left out, at the chosen threshold
    assert f"threshold {learned.threshold:.2f}" in printed


def test_the_threshold_is_the_best_among_those_that_decline_off_topic_questions() -> None:
    means = {0.3: (0.95, 0.97, 0.70), 0.5: (0.90, 0.99, 0.75), 0.7: (0.80, 1.0, 0.85)}
    assert calibration.best_threshold(means) == 0.5  # 0.3 answers more, but answers 3% of off-topic questions
    assert calibration.best_threshold({0.3: (0.9, 0.5, 0.5), 0.5: (0.7, 0.6, 0.6)}) == 0.3  # none declines enough


def test_a_fact_lacking_the_detail_asked_counts_as_a_kind_mismatch_even_when_no_kind_is_asked() -> None:
    """ "What is François's last name?" asks no who/when/where, but a fact that writes no other name cannot say."""
    lacking = Evidence(0.9, 0.4, False, True, False, False, 0.0, 0.0, 0.0, 0.0, False, 0.5)
    giving = dataclasses.replace(lacking, kinds_agree=True)
    mismatch = decision.FEATURES.index("kind_mismatch")
    assert decision.features(lacking, 0.0)[mismatch] == 1.0
    assert decision.features(giving, 0.0)[mismatch] == 0.0
