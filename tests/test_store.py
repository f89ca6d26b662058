"""Safe writes to the knowledge file: round-trip edits, validation first, backup, atomic rename."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest

import bot.knowledge.store
from bot.cli import main
from bot.errors import KnowledgeError
from bot.knowledge.reading import load
from bot.knowledge.store import FactRejected, WriteFailed, add_fact, backup_path, write_atomic

ROOT = Path(__file__).resolve().parent.parent
SOURCE = "Publié à 6h38"


def test_new_fact_loads_with_its_answer_question_and_source(knowledge_copy: Path) -> None:
    added = add_fact(
        knowledge_copy, "added-fact", lang="en", answer="At 6:38.", questions=["Added fact question?"], source=SOURCE
    )
    fact = load(knowledge_copy).get("added-fact")
    assert added.created
    assert fact is not None
    assert fact.answers == {"en": "At 6:38."}
    assert fact.questions["en"] == ("Added fact question?",)
    assert fact.sources == (SOURCE,)


def test_comments_and_layout_survive_a_write(knowledge_copy: Path) -> None:
    before = knowledge_copy.read_text(encoding="utf-8")
    add_fact(knowledge_copy, "added-fact", lang="en", answer="At 6:38.", questions=["Added fact question?"])
    after = knowledge_copy.read_text(encoding="utf-8")
    assert after.startswith(before)
    assert "# Format (check your edits with: python -m bot facts check)" in after


def test_previous_version_is_kept_as_backup(knowledge_copy: Path) -> None:
    before = knowledge_copy.read_text(encoding="utf-8")
    added = add_fact(knowledge_copy, "added-fact", lang="en", answer="At 6:38.", questions=["Added fact question?"])
    assert added.backup == backup_path(knowledge_copy)
    assert added.backup.read_text(encoding="utf-8") == before


def test_source_not_in_the_article_is_refused_and_the_file_untouched(knowledge_copy: Path) -> None:
    before = knowledge_copy.read_text(encoding="utf-8")
    with pytest.raises(FactRejected, match="not verbatim in the article"):
        add_fact(knowledge_copy, "invented", lang="en", answer="x", questions=["x?"], source="Mars invades Venus")
    assert knowledge_copy.read_text(encoding="utf-8") == before
    assert not backup_path(knowledge_copy).exists()


def test_second_language_is_added_to_an_existing_fact_next_to_the_first(knowledge_copy: Path) -> None:
    add_fact(knowledge_copy, "added-fact", lang="en", answer="At 6:38.", questions=["Added fact question?"])
    added = add_fact(
        knowledge_copy, "added-fact", lang="fr", answer="À 6 h 38.", questions=["Question du fait ajouté ?"]
    )
    fact = load(knowledge_copy).get("added-fact")
    assert not added.created
    assert fact is not None and fact.answers == {"en": "At 6:38.", "fr": "À 6 h 38."}
    text = knowledge_copy.read_text(encoding="utf-8")
    assert text.index("    fr:\n      answer: À 6 h 38.") < text.rindex("    source:")


def test_existing_fact_gets_new_questions_once_and_its_answer_replaced(knowledge_copy: Path) -> None:
    old = load(knowledge_copy).get("summary")
    assert old is not None
    added = add_fact(
        knowledge_copy,
        "summary",
        lang="en",
        answer="A shorter summary.",
        questions=["Give me the short version", old.questions["en"][0]],
    )
    fact = load(knowledge_copy).get("summary")
    assert fact is not None
    assert added.answer_replaced
    assert added.questions_added == ("Give me the short version",)
    assert fact.answers["en"] == "A shorter summary."
    assert fact.questions["en"] == (*old.questions["en"], "Give me the short version")
    assert fact.answers["fr"] == old.answers["fr"]


def test_question_asked_in_another_fact_is_refused(knowledge_copy: Path) -> None:
    with pytest.raises(FactRejected, match="already asked in fact 'summary'"):
        add_fact(knowledge_copy, "another", lang="en", answer="x", questions=["what is the ARTICLE about"])


def test_badly_formed_id_is_refused(knowledge_copy: Path) -> None:
    with pytest.raises(FactRejected, match="lower-case words joined by hyphens"):
        add_fact(knowledge_copy, "Not An Id", lang="en", answer="x", questions=["x?"])


def test_broken_file_is_reported_and_left_alone(knowledge_copy: Path) -> None:
    knowledge_copy.write_text("article: ../seeds/article.txt\nfacts: []\n", encoding="utf-8")
    with pytest.raises(KnowledgeError):
        add_fact(knowledge_copy, "new", lang="en", answer="x", questions=["x?"])
    assert knowledge_copy.read_text(encoding="utf-8") == "article: ../seeds/article.txt\nfacts: []\n"


def test_failed_validation_leaves_neither_the_file_changed_nor_a_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "file.txt"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(KnowledgeError):
        write_atomic(target, "new", validate=lambda path: load(path) and [])
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["file.txt"]


async def test_adds_from_async_code_in_threads_all_land(knowledge_copy: Path) -> None:
    await asyncio.gather(
        *(
            asyncio.to_thread(
                add_fact,
                knowledge_copy,
                f"thread-{n}",
                lang="en",
                answer=f"Answer {n}.",
                questions=[f"Thread question {n}?"],
            )
            for n in range(5)
        )
    )
    knowledge = load(knowledge_copy)
    assert all(knowledge.get(f"thread-{n}") for n in range(5))


@pytest.mark.parametrize(
    ("failing", "error"),
    [
        ("replace", OSError(28, "No space left on device")),
        ("mkstemp", OSError(30, "Read-only file system")),
    ],
)
def test_a_disk_that_refuses_the_write_gives_a_clear_error_and_keeps_the_old_file(
    knowledge_copy: Path, monkeypatch: pytest.MonkeyPatch, failing: str, error: OSError
) -> None:
    before = knowledge_copy.read_bytes()

    def refuse(*args: object, **kwargs: object) -> None:
        raise error

    target = bot.knowledge.store.os if failing == "replace" else bot.knowledge.store.tempfile
    monkeypatch.setattr(target, failing, refuse)
    with pytest.raises(WriteFailed) as caught:
        add_fact(knowledge_copy, "added-fact", lang="en", answer="At 6:38.", questions=["Q?"], source=SOURCE)
    assert error.strerror in str(caught.value) and "unchanged" in str(caught.value)
    assert knowledge_copy.read_bytes() == before


def test_facts_add_on_a_full_disk_exits_non_zero_without_traceback(
    knowledge_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(bot.knowledge.store.os, "replace", refuse)
    code = main(
        [
            "facts",
            "add",
            "--knowledge",
            str(knowledge_copy),
            "--id",
            "added-fact",
            "--lang",
            "en",
            "--answer",
            "At 6:38.",
            "--question",
            "Q?",
            "--source",
            SOURCE,
        ]
    )
    err = capsys.readouterr().err
    assert code != 0 and "No space left on device" in err and "Traceback" not in err


def test_a_write_removes_what_an_interrupted_write_left(knowledge_copy: Path) -> None:
    folder = knowledge_copy.parent
    leftovers = [folder / ".facts.yaml.k1ll3d.tmp", folder / ".facts.yaml.bak.k1ll3d.tmp"]
    for leftover in leftovers:
        leftover.write_text("half a file", encoding="utf-8")
        os.utime(leftover, (1_000_000_000, 1_000_000_000))
    add_fact(knowledge_copy, "extra-fact", lang="en", answer="An answer.", questions=("An extra question?",))
    assert not [leftover for leftover in leftovers if leftover.exists()]


def test_an_answer_longer_than_telegram_can_show_is_refused_with_the_limit(knowledge_copy: Path) -> None:
    before = knowledge_copy.read_text(encoding="utf-8")
    with pytest.raises(FactRejected, match="4,000 characters"):
        add_fact(knowledge_copy, "long-fact", lang="en", answer="word " * 1000, questions=("A long one?",))
    assert knowledge_copy.read_text(encoding="utf-8") == before


HAND_FACT = """
  - id: added-by-hand
    en:
      answer: A maintainer typed this fact while facts add was running.
      questions: [What did the maintainer type?]
    source: Publié à 6h38
"""


def test_a_hand_edit_made_while_a_fact_is_added_is_kept(knowledge_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_write = bot.knowledge.store.write_atomic
    edits = []

    def write_after_a_hand_edit(path: Path, text: str, **options: object) -> None:
        if path == knowledge_copy and not edits:  # the maintainer saves their edit just before the bot writes
            edits.append(path)
            with path.open("a", encoding="utf-8") as stream:
                stream.write(HAND_FACT)
        real_write(path, text, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(bot.knowledge.store, "write_atomic", write_after_a_hand_edit)
    add_fact(knowledge_copy, "new-fact", lang="en", answer="A new answer.", questions=("A new question?",))
    knowledge = load(knowledge_copy)
    assert knowledge.get("added-by-hand") is not None
    assert knowledge.get("new-fact") is not None


def test_adding_through_a_symlink_writes_the_file_it_points_to(knowledge_copy: Path) -> None:
    link = knowledge_copy.with_name("link.yaml")
    link.symlink_to(knowledge_copy.name)
    add_fact(link, "new-fact", lang="en", answer="A new answer.", questions=("A new question?",))
    assert link.is_symlink()
    assert load(knowledge_copy).get("new-fact") is not None


def test_a_knowledge_file_in_utf16_is_refused_by_check_and_add_alike(knowledge_copy: Path) -> None:
    text = knowledge_copy.read_text(encoding="utf-8")
    knowledge_copy.write_bytes(text.encode("utf-16"))
    from bot.knowledge.reading import check

    assert "UTF-8" in "\n".join(str(problem) for problem in check(knowledge_copy))
    with pytest.raises(KnowledgeError, match="UTF-8"):
        add_fact(knowledge_copy, "new-fact", lang="en", answer="A new answer.", questions=("A new question?",))


def test_a_fact_whose_list_is_shared_through_an_anchor_changes_alone(tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_text("It opens on Monday. It closes on Friday.\n", encoding="utf-8")
    path = tmp_path / "facts.yaml"
    path.write_text(
        "article: article.txt\nfacts:\n"
        "  - id: opening\n    en: {answer: Monday., questions: [When does it open?]}\n"
        "    source: &both [It opens on Monday.]\n"
        "  - id: closing\n    en: {answer: Friday., questions: [When does it close?]}\n"
        "    source: *both\n",
        encoding="utf-8",
    )
    add_fact(path, "closing", lang="en", answer="Friday.", source="It closes on Friday.")
    knowledge = load(path)
    assert knowledge.get("opening").sources == ("It opens on Monday.",)  # type: ignore[union-attr]
    assert knowledge.get("closing").sources == ("It opens on Monday.", "It closes on Friday.")  # type: ignore[union-attr]
