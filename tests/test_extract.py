"""Drafting a knowledge file from an article: sentences, languages, and day-one usefulness."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.answerer import Answerer
from bot.cli import main
from bot.knowledge.model import same_text
from bot.knowledge.reading import load
from bot.upkeep.evaluation import ANSWERABLE, evaluate, load_cases
from bot.upkeep.extract import drafts, keywords, sentences

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT.parent / "shared" / "eval" / "sample.yaml"


@pytest.fixture
def article_path(tmp_path: Path) -> Path:
    (tmp_path / "seeds").mkdir()
    return Path(shutil.copy(ROOT / "seeds" / "article.txt", tmp_path / "seeds" / "article.txt"))


@pytest.fixture
def draft_path(article_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = article_path.parent.parent / "knowledge" / "draft.yaml"
    assert main(["extract", str(article_path), "-o", str(path)]) == 0
    capsys.readouterr()
    return path


def test_sentences_split_after_a_full_stop_before_a_capital_and_stay_verbatim() -> None:
    text = "Troops will go. They leave on Monday.\nPublié à 6h38\nIt said: de la Défense. “Quote” here."
    assert sentences(text) == [
        "Troops will go.",
        "They leave on Monday.",
        "Publié à 6h38",
        "It said: de la Défense.",
        "“Quote” here.",
    ]


def test_keywords_are_the_content_words_and_names() -> None:
    assert keywords("The Chinese Ministry of Defense announced it on Wednesday.") == (
        "Chinese",
        "Ministry",
        "Defense",
        "announced",
        "Wednesday",
    )


def test_french_sentence_is_drafted_in_french() -> None:
    [draft] = drafts("La Chine et la Russie entretiennent des liens étroits en matière de défense.")
    assert draft.lang == "fr"


def test_draft_loads_with_one_fact_per_sentence_quoting_the_article(draft_path: Path, article_path: Path) -> None:
    knowledge = load(draft_path)
    article = article_path.read_text(encoding="utf-8")
    assert len(knowledge.facts) == len(sentences(article))
    assert knowledge.article_path.resolve() == article_path.resolve()
    assert all(same_text(fact.sources[0], article) for fact in knowledge.facts)


@pytest.mark.skipif(not SAMPLE.exists(), reason="needs ../shared/eval/sample.yaml beside the checkout")
def test_draft_alone_answers_two_in_five_of_the_sample(draft_path: Path) -> None:
    report = evaluate(Answerer(load(draft_path)), load_cases(SAMPLE))
    answered, answerable = report.count(ANSWERABLE)
    assert answered / answerable >= 0.4, [miss.case.q for miss in report.misses]


def test_extract_refuses_to_overwrite_without_force(
    draft_path: Path, article_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft_path.write_text("hand edits", encoding="utf-8")
    assert main(["extract", str(article_path), "-o", str(draft_path)]) == 1
    assert "use --force" in capsys.readouterr().err
    assert draft_path.read_text(encoding="utf-8") == "hand edits"
    assert main(["extract", str(article_path), "-o", str(draft_path), "--force"]) == 0
    assert load(draft_path).facts


def test_missing_article_is_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(tmp_path / "none.txt"), "-o", str(tmp_path / "draft.yaml")]) == 1
    assert "cannot read the article" in capsys.readouterr().err


def test_a_draft_that_cannot_be_written_is_one_clear_line(
    article_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    assert main(["extract", str(article_path), "-o", str(tmp_path / "a-file" / "draft.yaml")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: cannot write the draft") and "Traceback" not in err
