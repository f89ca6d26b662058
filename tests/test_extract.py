"""Drafting a knowledge file from an article: sentences, languages, and day-one usefulness."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.answerer import Answerer
from bot.cli import main
from bot.folding import fold
from bot.knowledge.model import same_text
from bot.knowledge.reading import load
from bot.upkeep.evaluation import ANSWERABLE, evaluate, load_cases
from bot.upkeep.extract import drafts, keywords, sentences, states_something

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
    assert len(knowledge.facts) == len(
        {fold(sentence) for sentence in sentences(article) if states_something(sentence)}
    )
    assert knowledge.article_path.resolve() == article_path.resolve()
    assert all(same_text(fact.sources[0], article) for fact in knowledge.facts)


@pytest.mark.skipif(not SAMPLE.exists(), reason="needs ../shared/eval/sample.yaml beside the checkout")
def test_draft_alone_answers_a_third_of_the_sample(draft_path: Path) -> None:
    """7 of 19 since the dateline is no longer a fact (8 before); the floor guards against collapse."""
    report = evaluate(Answerer(load(draft_path)), load_cases(SAMPLE))
    answered, answerable = report.count(ANSWERABLE)
    assert answered / answerable >= 1 / 3, [miss.case.q for miss in report.misses]


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


def test_an_article_without_latin_letters_is_drafted_with_numbered_ids() -> None:
    items = drafts("Россия и Китай проведут учения.\nУчения начнутся в сентябре.")
    assert [item.id for item in items] == ["fact", "fact-2"]


def test_a_repeated_sentence_is_drafted_once_and_the_draft_passes_check(tmp_path: Path) -> None:
    sentence = "The ministry announced on Monday that 5,000 troops would take part."
    article = tmp_path / "article.txt"
    article.write_text(f"{sentence}\n{sentence} The exercise ends on Friday.\n", encoding="utf-8")
    draft = tmp_path / "draft.yaml"
    assert main(["extract", str(article), "-o", str(draft)]) == 0
    assert [fact.answer("en") for fact in load(draft).facts] == [sentence, "The exercise ends on Friday."]


def test_headline_byline_credits_and_also_read_lines_are_no_facts(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(
        "Dam opened in the north\nBy Jane Doe\nPhoto: Getty Images\n(PTI)\n"
        "The dam opened on Monday after ten years of work.\nAlso Read: Ten dams to visit this summer.\n",
        encoding="utf-8",
    )
    draft = tmp_path / "draft.yaml"
    assert main(["extract", str(article), "-o", str(draft)]) == 0
    knowledge = load(draft)
    assert [fact.answer("en") for fact in knowledge.facts] == ["The dam opened on Monday after ten years of work."]
    assert knowledge.title == {"en": "Dam opened in the north", "fr": "Dam opened in the north"}


def test_a_fact_in_one_language_answers_the_other_and_says_so(draft_path: Path) -> None:
    knowledge = load(draft_path)
    [english] = [fact for fact in knowledge.facts if set(fact.answers) == {"en"}][:1]
    reply = Answerer(knowledge).reply(english.answers["en"], lang="fr")
    assert reply.fact_id == english.id
    assert "qu'en anglais" in reply.answer
