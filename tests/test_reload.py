"""Live reload, in the core: edits are picked up, broken edits keep the last good knowledge and are reported once."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.answerer import Answerer
from bot.errors import KnowledgeError
from bot.knowledge.reading import load
from bot.upkeep.reload import KnowledgeWatcher

OLD_ANSWER = "Vostok is scheduled from August 30 to September 5, according to Moscow;"
NEW_ANSWER = "Vostok now runs from August 31 to September 6, according to the edited file;"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def answer_to(answerer: Answerer, question: str) -> str:
    return answerer.reply(question).body


@pytest.fixture
def watcher(knowledge_copy: Path) -> KnowledgeWatcher:
    return KnowledgeWatcher(load(knowledge_copy))


def test_nothing_changed_means_nothing_to_do(watcher: KnowledgeWatcher) -> None:
    assert watcher.poll() is None


def test_an_edited_answer_is_served_by_the_next_answerer(watcher: KnowledgeWatcher, knowledge_copy: Path) -> None:
    edit(knowledge_copy, OLD_ANSWER, NEW_ANSWER)

    reloaded = watcher.poll()

    assert isinstance(reloaded, Answerer)
    assert "August 31 to September 6" in answer_to(reloaded, "When is Vostok?")
    assert watcher.poll() is None


def test_a_broken_edit_is_reported_once_with_its_line_and_a_fix_is_picked_up(
    watcher: KnowledgeWatcher, knowledge_copy: Path, caplog: pytest.LogCaptureFixture
) -> None:
    edit(knowledge_copy, "  - id: vostok-dates\n", "  - id: Vostok Dates Broken\n")

    with caplog.at_level(logging.WARNING, logger="bot.upkeep.reload"):
        broken = watcher.poll()

    assert isinstance(broken, KnowledgeError)
    assert any(problem.line > 0 and "Vostok Dates Broken" in problem.message for problem in broken.problems)
    assert "Vostok Dates Broken" in caplog.text
    assert watcher.poll() is None  # the same broken version: already reported

    edit(knowledge_copy, "  - id: Vostok Dates Broken\n", "  - id: vostok-dates\n")
    assert isinstance(watcher.poll(), Answerer)


def test_a_second_broken_version_is_reported_again(watcher: KnowledgeWatcher, knowledge_copy: Path) -> None:
    knowledge_copy.write_text("facts: [", encoding="utf-8")
    assert isinstance(watcher.poll(), KnowledgeError)

    knowledge_copy.write_text("facts: []\n", encoding="utf-8")
    assert isinstance(watcher.poll(), KnowledgeError)


@pytest.mark.parametrize("damage", ["deleted", "emptied"])
def test_a_deleted_or_emptied_file_is_reported_and_a_restored_one_is_picked_up(
    watcher: KnowledgeWatcher, knowledge_copy: Path, damage: str
) -> None:
    good = knowledge_copy.read_text(encoding="utf-8")
    if damage == "deleted":
        knowledge_copy.unlink()
    else:
        knowledge_copy.write_text("", encoding="utf-8")

    assert isinstance(watcher.poll(), KnowledgeError)
    assert watcher.poll() is None

    knowledge_copy.write_text(good.replace(OLD_ANSWER, NEW_ANSWER), encoding="utf-8")
    restored = watcher.poll()
    assert isinstance(restored, Answerer)
    assert "August 31" in answer_to(restored, "When is Vostok?")


def test_an_article_edit_that_breaks_a_quoted_source_is_reported(
    watcher: KnowledgeWatcher, knowledge_copy: Path
) -> None:
    article = knowledge_copy.parent.parent / "seeds" / "article.txt"
    edit(article, "Publié à 6h38", "Publié à 7 heures")

    broken = watcher.poll()

    assert isinstance(broken, KnowledgeError)
    assert "not verbatim in the article" in str(broken)


def test_reload_picks_up_a_write_at_once_and_the_next_poll_has_nothing_to_do(
    watcher: KnowledgeWatcher, knowledge_copy: Path
) -> None:
    edit(knowledge_copy, OLD_ANSWER, NEW_ANSWER)

    assert "August 31" in answer_to(watcher.reload(), "When is Vostok?")
    assert watcher.poll() is None


def test_reload_of_a_broken_file_raises_the_located_problems(watcher: KnowledgeWatcher, knowledge_copy: Path) -> None:
    knowledge_copy.write_text("facts: [", encoding="utf-8")

    with pytest.raises(KnowledgeError, match=r"facts\.yaml:\d+"):
        watcher.reload()


def test_a_failure_building_the_answerer_keeps_the_old_one_like_a_broken_file(knowledge_copy: Path) -> None:
    def failing_build(path: object) -> Answerer:
        raise RuntimeError("matcher bug")

    watcher = KnowledgeWatcher(load(knowledge_copy), build=failing_build)
    edit(knowledge_copy, OLD_ANSWER, NEW_ANSWER)

    broken = watcher.poll()

    assert isinstance(broken, KnowledgeError) and "matcher bug" in str(broken)
    assert watcher.poll() is None


def test_a_broken_edit_with_thousands_of_problems_logs_a_few_dozen_lines(
    knowledge_copy: Path, caplog: pytest.LogCaptureFixture
) -> None:
    watcher = KnowledgeWatcher(load(knowledge_copy))
    text = knowledge_copy.read_text(encoding="utf-8")
    broken = "".join(f"  - {{id: bad-{n}, en: {{answer: A.}}, source: not in the article}}\n" for n in range(3000))
    knowledge_copy.write_text(text + broken, encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="bot.upkeep.reload"):
        watcher.poll()
    (record,) = caplog.records
    assert len(record.getMessage().splitlines()) < 30 and "and 2,980 more" in record.getMessage()
    assert len(record.getMessage()) < 20_000
