"""The knowledge file: the shipped facts are sound, and broken files fail with located messages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.errors import KnowledgeError
from bot.knowledge.model import ID_PATTERN, LANGUAGES, same_text, unquoted
from bot.knowledge.reading import check, load

ROOT = Path(__file__).resolve().parent.parent
FACTS = ROOT / "knowledge" / "facts.yaml"
ARTICLE = ROOT / "seeds" / "article.txt"
SHARED_ARTICLE = ROOT.parent / "shared" / "seeds" / "article.txt"


def test_seed_article_is_the_shared_article_verbatim() -> None:
    assert ARTICLE.read_bytes() == SHARED_ARTICLE.read_bytes()


def test_every_source_is_verbatim_in_the_article() -> None:
    knowledge = load(FACTS)
    article = ARTICLE.read_text(encoding="utf-8")
    for fact in knowledge.facts:
        assert fact.sources, fact.id
        for source in fact.sources:
            assert same_text(source, article), (fact.id, source)


def test_every_fact_answers_and_is_asked_in_both_languages() -> None:
    for fact in load(FACTS).facts:
        assert ID_PATTERN.match(fact.id)
        for lang in LANGUAGES:
            assert fact.answers[lang].strip(), (fact.id, lang)
            assert len(fact.questions[lang]) >= 3, (fact.id, lang)


def test_the_shipped_knowledge_has_no_problems() -> None:
    assert check(FACTS) == []


@pytest.fixture
def knowledge_dir(tmp_path: Path) -> Path:
    """A copy of the article beside an empty knowledge folder, so `article:` resolves."""
    (tmp_path / "seeds").mkdir()
    shutil.copy(ARTICLE, tmp_path / "seeds" / "article.txt")
    (tmp_path / "knowledge").mkdir()
    return tmp_path / "knowledge"


GOOD_FACT = """\
article: ../seeds/article.txt
facts:
  - id: vostok-dates
    en:
      answer: From August 30 to September 5.
      questions: [When is Vostok?]
    source: scheduled for August 30 to September 5 according to Moscow
"""

BROKEN = {
    "malformed YAML": ("facts: [\n  - id: x\n", 2, "not valid YAML"),
    "missing source": (
        GOOD_FACT.replace("    source: scheduled for August 30 to September 5 according to Moscow\n", ""),
        3,
        "missing field 'source'",
    ),
    "unknown field": (GOOD_FACT.replace("    en:\n", "    colour: red\n    en:\n"), 4, "unknown field 'colour'"),
    "empty answer": (GOOD_FACT.replace("From August 30 to September 5.", "''"), 5, "is empty"),
    "source not in the article": (GOOD_FACT.replace("according to Moscow", "according to Paris"), 7, "not verbatim"),
    "duplicate id": (GOOD_FACT + GOOD_FACT.split("facts:\n", 1)[1], 8, "duplicate id 'vostok-dates'"),
    "duplicate key": (GOOD_FACT.replace("    source:", "    id: again\n    source:"), 7, "duplicate field 'id'"),
    "bad id": (GOOD_FACT.replace("id: vostok-dates", "id: Vostok Dates"), 3, "lower-case words joined by hyphens"),
    "no language": (
        "article: ../seeds/article.txt\nfacts:\n  - id: x\n    source: Publié à 6h38\n",
        3,
        "has no answer",
    ),
    "answer is a list": (
        GOOD_FACT.replace("answer: From August 30 to September 5.", "answer: [a, b]"),
        5,
        "must be text",
    ),
    "publisher not text": (
        "article: ../seeds/article.txt\npublisher: [a, b]\nfacts: []\n",
        2,
        "'publisher' must be text",
    ),
    "facts not a list": ("article: ../seeds/article.txt\nfacts: 3\n", 2, "must be a list"),
    "missing article": ("article: ../seeds/nowhere.txt\nfacts: []\n", 1, "cannot read the article"),
    "alias to no anchor": (GOOD_FACT.replace("[When is Vostok?]", "*questions"), 6, "*questions refers to no"),
    "second document": (GOOD_FACT + "---\nfacts: []\n", 8, "a second document"),
    "null answer": (GOOD_FACT.replace("From August 30 to September 5.", "~"), 5, "is empty"),
    "unquoted colon in an answer": (
        GOOD_FACT.replace("From August 30 to September 5.", "He added: from August 30."),
        5,
        'written whole in double quotes, with \\" for a quote inside',
    ),
    "one-word synonym group": (
        GOOD_FACT.replace("facts:\n", "synonyms:\n  - [price]\nfacts:\n", 1),
        3,
        "with its full form first, e.g. [jermaine brown, brown]",
    ),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_knowledge_fails_with_file_line_and_reason(knowledge_dir: Path, name: str) -> None:
    text, line, message = BROKEN[name]
    path = knowledge_dir / "facts.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        load(path)
    problems = [p for p in caught.value.problems if message in p.message]
    assert problems, [str(p) for p in caught.value.problems]
    assert problems[0].line == line
    assert str(problems[0]).startswith(f"{path}:{line}: ")


def test_every_problem_is_reported_at_once(knowledge_dir: Path) -> None:
    path = knowledge_dir / "facts.yaml"
    path.write_text(
        GOOD_FACT.replace("From August 30 to September 5.", "''").replace("according to Moscow", "per Paris"),
        encoding="utf-8",
    )
    assert len(check(path)) == 2


def test_same_question_in_two_facts_is_a_problem(knowledge_dir: Path) -> None:
    path = knowledge_dir / "facts.yaml"
    second = GOOD_FACT.split("facts:\n", 1)[1].replace("vostok-dates", "vostok-when")
    path.write_text(GOOD_FACT + second, encoding="utf-8")
    assert any("already asked in fact 'vostok-dates'" in p.message for p in check(path))


def test_questions_without_words_are_never_taken_for_one_another(knowledge_dir: Path) -> None:
    path = knowledge_dir / "facts.yaml"
    first = GOOD_FACT.replace("[When is Vostok?]", "[When is Vostok?, '🙂']")
    second = first.split("facts:\n", 1)[1].replace("vostok-dates", "vostok-smile").replace("When is Vostok?, ", "")
    path.write_text(first + second, encoding="utf-8")
    assert check(path) == []
    assert load(path).asking("🙂") is None


def test_missing_file_says_how_to_point_to_one(tmp_path: Path) -> None:
    problems = check(tmp_path / "nope.yaml")
    assert "--knowledge" in problems[0].message and "BOT_KNOWLEDGE" in problems[0].message


def test_yes_and_numbers_stay_the_words_written(knowledge_dir: Path) -> None:
    path = knowledge_dir / "facts.yaml"
    path.write_text(GOOD_FACT.replace("[When is Vostok?]", "[yes, 2022, 'on']"), encoding="utf-8")
    assert load(path).facts[0].questions["en"] == ("yes", "2022", "on")


def test_an_anchor_can_be_reused_by_an_alias(knowledge_dir: Path) -> None:
    path = knowledge_dir / "facts.yaml"
    path.write_text(
        GOOD_FACT.replace("answer: From", "answer: &dates From")
        + "  - id: vostok-when\n"
        + "    en:\n"
        + "      answer: *dates\n"
        + "      questions: [When does Vostok start?]\n"
        + "    source: scheduled for August 30 to September 5 according to Moscow\n",
        encoding="utf-8",
    )
    first, other = load(path).facts
    assert other.answers["en"] == first.answers["en"] == "From August 30 to September 5."


def test_a_file_that_is_not_utf8_says_so(knowledge_dir: Path) -> None:
    path = knowledge_dir / "facts.yaml"
    path.write_bytes(GOOD_FACT.encode("utf-8").replace(b"Moscow", b"Moscou \xe9t\xe9"))
    assert "not UTF-8 text" in check(path)[0].message


def test_facts_written_before_the_article_are_still_checked_against_it(knowledge_dir: Path) -> None:
    header, facts = GOOD_FACT.split("facts:\n", 1)
    path = knowledge_dir / "facts.yaml"
    path.write_text("facts:\n" + facts.replace("according to Moscow", "per Paris") + header, encoding="utf-8")
    (problem,) = check(path)
    assert "not verbatim in the article" in problem.message and problem.line == 6
    path.write_text("facts:\n" + facts + header, encoding="utf-8")
    assert [fact.id for fact in load(path).facts] == ["vostok-dates"]


def test_aliases_that_repeat_more_than_the_file_holds_stop_at_once_with_their_line(tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_text("hello world\n", encoding="utf-8")
    words = ", ".join(f"w{n}" for n in range(3000))
    facts = "".join(
        f"  - {{id: f{n}, en: {{answer: A., questions: [q{n}?]}}, keywords: *all, source: hello}}\n"
        for n in range(3000)
    )
    path = tmp_path / "facts.yaml"
    path.write_text(f"article: article.txt\nsynonyms:\n  - &all [{words}]\nfacts:\n{facts}", encoding="utf-8")
    found = check(path)
    assert len(found) == 1 and found[0].line > 4 and "aliases" in found[0].message


def test_a_few_aliases_are_fine(tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_text("hello world\n", encoding="utf-8")
    path = tmp_path / "facts.yaml"
    path.write_text(
        "article: article.txt\nfacts:\n"
        "  - {id: one, en: {answer: A., questions: [First?]}, keywords: &kw [greeting, hello], source: hello}\n"
        "  - {id: two, en: {answer: B., questions: [Second?]}, keywords: *kw, source: world}\n",
        encoding="utf-8",
    )
    assert check(path) == []


def test_a_source_not_verbatim_shows_the_closest_passage_and_where_they_first_differ(knowledge_dir: Path) -> None:
    path = knowledge_dir / "facts.yaml"
    path.write_text(GOOD_FACT.replace("August 30 to September 5", "August 31 to September 5"), encoding="utf-8")
    (problem,) = check(path)
    assert "closest passage is «scheduled for August 30 to September 5 according to Moscow»" in problem.message
    assert "differ from character 23" in problem.message


def test_a_shorter_reworded_source_is_shown_against_the_passage_it_starts_like() -> None:
    article = "The old hall closed in 2011.\n\nThe club collected £5,000 by selling tickets for the summer show.\n"
    message = unquoted("The club collected £5,000 through the sale of tickets.", article)
    assert "closest passage is «The club collected £5,000 by selling tickets for the summer»" in message
    assert "differ from character 27: the source has 'through the sale of '" in message
