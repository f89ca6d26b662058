"""Every article of the corpus: its text is verbatim with a source, its knowledge loads, and the bot keeps the
promises a maintainer relies on (each example question reaches its own fact)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answerer import Answerer
from bot.knowledge.reading import load
from bot.upkeep.collisions import collisions

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted(path.parent for path in (ROOT / "knowledge" / "corpus").glob("*/facts.yaml"))
KNOWLEDGE = [ROOT / "knowledge" / "facts.yaml", *(folder / "facts.yaml" for folder in CORPUS)]


def test_the_corpus_holds_five_articles_or_more_in_both_languages() -> None:
    assert len(CORPUS) >= 5
    languages = {
        line.split(":", 1)[1].strip()
        for folder in CORPUS
        for line in _source_lines(folder)
        if line.startswith("- Language:")
    }
    assert {"en", "fr"} <= languages


@pytest.mark.parametrize("folder", CORPUS, ids=lambda folder: folder.name)
def test_each_article_says_where_it_comes_from(folder: Path) -> None:
    lines = _source_lines(folder)
    assert any(line.startswith("- URL: http") for line in lines)
    assert (folder / "article.txt").read_text(encoding="utf-8").strip()


@pytest.mark.parametrize("path", KNOWLEDGE, ids=lambda path: path.parent.name)
def test_every_source_of_every_knowledge_file_is_verbatim_in_its_article(path: Path) -> None:
    knowledge = load(path)  # loading refuses a source that is not in the article
    assert knowledge.facts
    assert all(knowledge.quotes(source) for fact in knowledge.facts for source in fact.sources)


@pytest.mark.parametrize("path", KNOWLEDGE, ids=lambda path: path.parent.name)
def test_every_example_question_reaches_its_own_fact(path: Path) -> None:
    assert list(collisions(Answerer(load(path)))) == []


def _source_lines(folder: Path) -> list[str]:
    return (folder / "SOURCE.md").read_text(encoding="utf-8").splitlines()
