"""The unanswered log: what is recorded, grouping, rotation, never failing the caller, the command."""

from __future__ import annotations

import asyncio
import json
import logging
from pathlib import Path

import pytest

from bot.answerer import Reply
from bot.cli import main
from bot.upkeep.unanswered import UnansweredLog, default_path


def declined(question: str, candidate: str | None = "summary", score: float = 31.5, lang: str = "en") -> Reply:
    return Reply(question, "Sorry, the article doesn't say.", None, score, lang, (), "decline", candidate)


@pytest.fixture
def log(tmp_path: Path) -> UnansweredLog:
    return UnansweredLog(tmp_path / "unanswered.jsonl")


def test_declined_question_is_recorded_with_time_text_language_candidate_and_score(log: UnansweredLog) -> None:
    assert log.record(declined("How many tanks?", "vostok-dates", 42.0))
    entry = json.loads(log.path.read_text(encoding="utf-8"))
    assert set(entry) == {"time", "kind", "text", "lang", "candidate", "score"} and entry["kind"] == "declined"
    assert entry["text"] == "How many tanks?"
    assert (entry["lang"], entry["candidate"], entry["score"]) == ("en", "vostok-dates", 42.0)


def test_answers_and_small_talk_are_not_recorded(log: UnansweredLog) -> None:
    answered = Reply("When?", "From August 30.", "vostok-dates", 80.0, "en", (), "answer", "vostok-dates")
    small_talk = Reply("hi", "Hello!", None, 0.0, "en", (), "small_talk")
    assert not log.record(answered)
    assert not log.record(small_talk)
    assert not log.path.exists()


def test_mentions_are_not_kept(log: UnansweredLog) -> None:
    log.record(declined("@vostok_bot how many tanks, @alice?"))
    assert "alice" not in log.path.read_text(encoding="utf-8")


def test_near_duplicates_are_grouped_most_frequent_first(log: UnansweredLog) -> None:
    for question in [
        "Who invented the telephone?",
        "How many tanks?",
        "how many TANKS",
        "tanks how many?!",
        "Who invented the telephone",
    ]:
        log.record(declined(question))
    log.record(declined("Combien de chars ?", lang="fr"))
    groups = log.groups()
    assert [group.count for group in groups] == [3, 2, 1]
    assert groups[0].text in {"How many tanks?", "how many TANKS", "tanks how many?!"}
    assert groups[2].langs == ("fr",)


def test_log_rotates_at_its_size_limit_keeping_one_old_file(tmp_path: Path) -> None:
    log = UnansweredLog(tmp_path / "unanswered.jsonl", max_bytes=400)
    for number in range(20):
        log.record(declined(f"Question number {number} about something else entirely"))
    assert log.path.stat().st_size <= 400
    assert log.rotated.exists()
    assert sorted(tmp_path.iterdir()) == sorted([log.path, log.rotated, tmp_path / "unanswered.jsonl.lock"])
    assert 0 < sum(group.count for group in log.groups()) < 20


def test_write_failure_logs_a_warning_and_never_raises(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    log = UnansweredLog(tmp_path / "a-directory")
    log.path.mkdir()
    with caplog.at_level(logging.WARNING, logger="bot.upkeep.jsonlines"):
        assert not log.record(declined("How many tanks?"))
    assert "could not write a line to" in caplog.text


def test_unreadable_lines_are_skipped(log: UnansweredLog) -> None:
    log.record(declined("How many tanks?"))
    with open(log.path, "a", encoding="utf-8") as stream:
        stream.write("not json\n")
    assert [group.text for group in log.groups()] == ["How many tanks?"]


def test_path_comes_from_bot_unanswered_log(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("BOT_UNANSWERED_LOG", str(tmp_path / "elsewhere.jsonl"))
    assert default_path() == tmp_path / "elsewhere.jsonl"
    monkeypatch.delenv("BOT_UNANSWERED_LOG")
    assert default_path() == Path("knowledge/unanswered.jsonl")


async def test_recording_from_async_code_in_threads_keeps_every_line(log: UnansweredLog) -> None:
    await asyncio.gather(*(asyncio.to_thread(log.record, declined(f"Question {n}?")) for n in range(10)))
    assert len(log.path.read_text(encoding="utf-8").splitlines()) == 10


def test_unanswered_command_prints_counts_most_frequent_first(
    log: UnansweredLog, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for question in ["How many tanks?", "how many tanks", "Who invented the telephone?"]:
        log.record(declined(question))
    monkeypatch.setenv("BOT_UNANSWERED_LOG", str(log.path))
    assert main(["unanswered"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[0] == "2"
    assert "best: summary (31.5)" in lines[0]
    assert lines[-1].split()[0] == "1"


def test_unanswered_json_prints_one_object_per_group(log: UnansweredLog, capsys: pytest.CaptureFixture[str]) -> None:
    log.record(declined("How many tanks?"))
    log.record(declined("how many tanks"))
    assert main(["unanswered", "--json", "--log", str(log.path)]) == 0
    objects = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(o["count"], o["candidate"], o["langs"]) for o in objects] == [(2, "summary", ["en"])]


def test_unanswered_with_an_empty_log_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["unanswered", "--log", str(tmp_path / "none.jsonl")]) == 0
    assert "no unanswered questions" in capsys.readouterr().out
