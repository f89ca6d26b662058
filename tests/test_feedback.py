"""Answer feedback: 👍/👎 under answers, disputed answers in the maintainers' log, usage counts (stats)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from fake_bot_api import TOKEN, FakeBotApi, FakeRequest, Sent, callback_update, process, user
from test_admin import ADMIN, READER, last, press, send

from bot.answerer import Answerer
from bot.cli import main
from bot.knowledge.reading import load
from bot.telegram import texts
from bot.telegram.app import build_application
from bot.upkeep.stats import StatsLog
from bot.upkeep.unanswered import UnansweredLog

QUESTION = "When is Vostok?"


@pytest.fixture
def log(tmp_path: Path) -> UnansweredLog:
    return UnansweredLog(tmp_path / "unanswered.jsonl")


@pytest.fixture
def counts(tmp_path: Path) -> StatsLog:
    return StatsLog(tmp_path / "stats.jsonl")


@pytest.fixture
async def app(api: FakeBotApi, knowledge_copy: Path, log: UnansweredLog, counts: StatsLog) -> AsyncIterator[Any]:
    application = build_application(
        TOKEN,
        Answerer(load(knowledge_copy)),
        request=FakeRequest(api),
        admins={ADMIN},
        unanswered=log,
        stats=counts,
    )
    async with application:
        yield application


def feedback_button(sent: Sent, label: str) -> str:
    return next(data for text, data in sent.buttons if text == label)


async def test_an_answer_has_source_thumbs_up_and_thumbs_down_in_one_row(app: Any, api: FakeBotApi) -> None:
    await send(app, QUESTION, sender=READER)
    answer = last(api, READER)
    first_row = [button["text"] for button in answer.reply_markup["inline_keyboard"][0]]  # type: ignore[index]
    assert first_row == [texts.SOURCE_BUTTON["en"], "👍", "👎"]
    await send(app, "What colour are the uniforms?", sender=READER)
    assert "👎" not in [label for label, _ in last(api, READER).buttons]  # a decline has nothing to dispute


async def test_thumbs_down_logs_the_question_and_the_fact_as_disputed_and_removes_the_thumbs(
    app: Any, api: FakeBotApi, log: UnansweredLog, counts: StatsLog
) -> None:
    await send(app, QUESTION, sender=READER)
    answer = last(api, READER)

    await press(app, answer, feedback_button(answer, "👎"), sender=READER)

    [entry] = list(log.entries())
    assert (entry.kind, entry.text, entry.candidate, entry.lang) == ("disputed", QUESTION, "vostok-dates", "en")
    assert api.callback_answers[-1]["text"] == texts.DISLIKED["en"]
    assert [label for label, _ in api.edits[-1].buttons] == [texts.SOURCE_BUTTON["en"]]
    assert counts.counts().by_fact["vostok-dates"] == {"answered": 1, "disputed": 1}
    raw = log.path.read_text(encoding="utf-8")
    assert str(READER) not in raw and "Zelda" not in raw  # nothing about who pressed it


async def test_thumbs_up_is_counted_for_the_fact_and_logs_nothing(
    app: Any, api: FakeBotApi, log: UnansweredLog, counts: StatsLog
) -> None:
    await send(app, QUESTION, sender=READER)
    answer = last(api, READER)
    await press(app, answer, feedback_button(answer, "👍"), sender=READER)
    assert counts.counts().by_fact["vostok-dates"]["liked"] == 1
    assert not list(log.entries())
    assert api.callback_answers[-1]["text"] == texts.LIKED["en"]


async def test_a_thumbs_down_from_before_the_bot_kept_the_question_is_still_logged(
    app: Any, api: FakeBotApi, log: UnansweredLog
) -> None:
    old = {"id": READER, "type": "private", "first_name": "Ada"}
    sent = {"message_id": 5, "date": 1, "chat": old, "text": "Vostok is scheduled..."}
    await process(app, callback_update("down:vostok-dates:en", sent=sent, sender=user(READER)))
    [entry] = list(log.entries())
    assert (entry.kind, entry.text, entry.candidate) == ("disputed", texts.QUESTION_NOT_KEPT, "vostok-dates")


async def test_unanswered_lists_a_disputed_answer_and_a_button_moves_the_question_to_another_fact(
    app: Any, api: FakeBotApi, knowledge_copy: Path
) -> None:
    question = "When do the Chinese troops leave?"
    await send(app, question, sender=READER)
    answer = last(api, READER)
    given = app.bot_data["answerer"].reply(question).fact_id
    await press(app, answer, feedback_button(answer, "👎"), sender=READER)

    await send(app, "/unanswered")

    listing = last(api)
    assert listing.text.splitlines()[1].startswith(f"1. “{question}” ×1 disputed: I answered “")
    attach = [(label, data) for label, data in listing.buttons if label.startswith("1. attach to")]
    assert 1 <= len(attach) <= 2
    await press(app, listing, attach[0][1])
    moved_to = next(fact for fact in load(knowledge_copy).facts if question in fact.questions.get("en", ()))
    assert moved_to.id != given
    assert app.bot_data["answerer"].reply(question).fact_id == moved_to.id
    await send(app, "/unanswered")
    assert question not in last(api).text


async def test_stats_for_admins_counts_per_fact_and_day_and_others_are_refused(app: Any, api: FakeBotApi) -> None:
    await send(app, QUESTION, sender=READER)
    await send(app, "What colour are the uniforms?", sender=READER)
    await send(app, "/stats", sender=READER)
    assert "Zelda" not in last(api, READER).text and "vostok-dates" not in last(api, READER).text

    await send(app, "/stats")

    lines = last(api).text.splitlines()
    assert lines[0] == texts.STATS_HEADING.format(days=7)
    row = next(line.split() for line in lines if line.startswith("vostok-dates"))
    assert row[1:] == ["1", "0", "0", "0"]
    today = datetime.now(UTC).date().isoformat()
    assert next(line.split() for line in lines if line.startswith(today))[1:] == ["1", "1", "0", "0"]


# -- the command line ------------------------------------------------------------------------------------


def test_the_unanswered_command_shows_disputed_answers_beside_declined_questions(
    log: UnansweredLog, capsys: pytest.CaptureFixture[str]
) -> None:
    log.dispute("when does it end", "vostok-dates", "en")
    assert main(["unanswered", "--log", str(log.path)]) == 0
    assert "when does it end  [en] disputed: the answer of vostok-dates" in capsys.readouterr().out
    assert main(["unanswered", "--log", str(log.path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["kind"] == "disputed"


def test_the_stats_command_prints_counts_per_fact_and_per_day_and_json(
    counts: StatsLog, capsys: pytest.CaptureFixture[str]
) -> None:
    day = datetime(2026, 11, 2, tzinfo=UTC)
    for event, fact in (("answered", "dates"), ("answered", "dates"), ("declined", None), ("disputed", "dates")):
        counts.record(event, fact, now=day)
    counts.record("liked", "place", now=datetime(2026, 11, 3, tzinfo=UTC))

    assert main(["stats", "--log", str(counts.path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["fact", "answered", "declined", "disputed", "liked"]
    assert out[1].split() == ["dates", "2", "0", "1", "0"]
    assert ["-", "0", "1", "0", "0"] in [line.split() for line in out]
    assert ["2026-11-02", "2", "1", "1", "0"] in [line.split() for line in out]
    assert main(["stats", "--log", str(counts.path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["by_day"]["2026-11-03"] == {"liked": 1}


def test_stats_days_keeps_only_recent_days_and_refuses_nonsense(
    counts: StatsLog, capsys: pytest.CaptureFixture[str]
) -> None:
    counts.record("answered", "dates", now=datetime(2020, 1, 1, tzinfo=UTC))
    counts.record("answered", "place")
    assert main(["stats", "--log", str(counts.path), "--days", "1", "--json"]) == 0
    assert list(json.loads(capsys.readouterr().out)["by_fact"]) == ["place"]
    with pytest.raises(SystemExit):
        main(["stats", "--days", "zero"])
    assert "whole number of days" in capsys.readouterr().err


def test_stats_plot_draws_a_png(counts: StatsLog, tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    counts.record("answered", "dates")
    assert main(["stats", "--log", str(counts.path), "--plot", str(tmp_path / "usage.png")]) == 0
    assert (tmp_path / "usage.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_an_unknown_event_is_a_programming_error(counts: StatsLog) -> None:
    with pytest.raises(ValueError):
        counts.record("clicked", "dates")


def test_the_bot_tallies_in_memory_and_writes_one_line_per_day_fact_and_event(counts: StatsLog) -> None:
    for _ in range(3):
        counts.tally("answered", "dates")
    counts.tally("declined", None)
    assert not counts.path.exists()  # answering never waits for the file
    assert counts.counts().by_fact["dates"]["answered"] == 3
    assert counts.flush()
    lines = [json.loads(line) for line in counts.path.read_text(encoding="utf-8").splitlines()]
    assert sorted((line["fact"], line["event"], line["count"]) for line in lines) == [
        ("-", "declined", 1),
        ("dates", "answered", 3),
    ]
    assert StatsLog(counts.path).counts().by_fact["dates"]["answered"] == 3


def test_counts_that_cannot_be_written_are_kept_for_the_next_flush(tmp_path: Path) -> None:
    counts = StatsLog(tmp_path / "a-directory")
    counts.path.mkdir()
    counts.tally("liked", "dates")
    assert not counts.flush()
    assert counts.counts().by_fact["dates"]["liked"] == 1
