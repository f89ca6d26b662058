"""The console chat: the same replies as Telegram, suggestions as numbers, and the no-token fallback of run."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import expected
import pytest

from bot.answerer import Answerer
from bot.console import DISPUTED, HELP, NO_TOKEN, NOTHING_TO_DISPUTE, ConsoleChat, run_chat
from bot.upkeep.unanswered import UnansweredLog

ROOT = Path(__file__).resolve().parent.parent


def test_a_question_gets_the_same_text_as_in_telegram(answerer: Answerer) -> None:
    chat = ConsoleChat(answerer)

    assert chat.respond("When is Vostok?") == expected.answer("vostok-dates")


def test_suggestions_are_numbered_and_a_number_answers_that_suggestion(answerer: Answerer) -> None:
    chat = ConsoleChat(answerer)
    reply = answerer.reply("hello")
    offered = reply
    assert offered.choices

    shown = chat.respond("hello")
    assert shown is not None
    assert f"  1. {offered.choices[0].question}" in shown.splitlines()

    fact = answerer.knowledge.get(offered.choices[0].fact_id)
    assert fact is not None
    assert chat.respond("1") == f"{offered.choices[0].question}\n{fact.answer(reply.lang)}"


def test_why_shows_the_verbatim_sentence_behind_the_last_answer(answerer: Answerer) -> None:
    chat = ConsoleChat(answerer)
    fact = answerer.knowledge.get("vostok-dates")
    assert fact is not None

    chat.respond("When is Vostok?")
    shown = chat.respond("/why")

    assert shown is not None and all(source in shown for source in fact.sources)


def test_source_shows_the_article_as_in_telegram(answerer: Answerer) -> None:
    shown = ConsoleChat(answerer).respond("/source") or ""
    opening = next(line.strip() for line in answerer.knowledge.article.splitlines() if line.strip())
    assert opening in shown and answerer.knowledge.facts[0].answer("en") in shown


def test_commands_and_menu_numbers_never_reach_the_unanswered_log(answerer: Answerer, tmp_path: Path) -> None:
    log = UnansweredLog(tmp_path / "unanswered.jsonl")
    chat = ConsoleChat(answerer, unanswered=log)
    for line in ("/frobnicate", "7", "42", "/SOURCE", "hello"):
        assert chat.respond(line)
    assert not (tmp_path / "unanswered.jsonl").exists() or not log.groups()


def test_the_chat_answers_from_an_edited_knowledge_file_without_a_restart(knowledge_copy: Path) -> None:
    from bot.knowledge.reading import load
    from bot.upkeep.reload import KnowledgeWatcher

    answerer = Answerer(load(knowledge_copy))
    chat = ConsoleChat(answerer, watcher=KnowledgeWatcher(answerer.knowledge))
    assert "according to Moscow" in (chat.respond("When is Vostok?") or "")
    text = knowledge_copy.read_text(encoding="utf-8").replace("according to Moscow;", "according to the Kremlin;")
    knowledge_copy.write_text(text, encoding="utf-8")
    shown = chat.respond("When is Vostok?") or ""
    assert "according to the Kremlin" in shown and "changed" in shown


def test_help_and_quit(answerer: Answerer) -> None:
    chat = ConsoleChat(answerer)

    assert chat.respond("/help") == HELP
    assert chat.respond("/quit") is None


def test_the_loop_stops_at_quit_and_answers_every_line_before(answerer: Answerer) -> None:
    out = io.StringIO()

    code = run_chat(answerer, ["When is Vostok?", "/quit", "Where is Vostok?"], out, interactive=False)

    assert code == 0
    assert out.getvalue() == expected.answer("vostok-dates") + "\n"


def _bot(*args: str, stdin: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "WEBHOOK_"))}
    env["BOT_KNOWLEDGE"] = str(ROOT / "knowledge" / "facts.yaml")
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=60,
    )


def test_run_without_a_token_explains_botfather_and_chats_in_the_console(tmp_path: Path, answerer: Answerer) -> None:
    result = _bot("run", stdin="When is Vostok?\n/quit\n", tmp_path=tmp_path)

    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == NO_TOKEN
    assert len(NO_TOKEN.splitlines()) == 2
    assert result.stdout == expected.answer("vostok-dates") + "\n"


def test_the_chat_command_never_imports_telegram(tmp_path: Path) -> None:
    script = "import sys; from bot.cli import main; main(['chat']); print('telegram' in sys.modules)"
    check = subprocess.run(
        [sys.executable, "-c", script],
        input="When is Vostok?\n",
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "BOT_KNOWLEDGE": str(ROOT / "knowledge" / "facts.yaml")},
        timeout=60,
    )

    assert check.returncode == 0, check.stderr
    assert check.stdout.strip().splitlines()[-1] == "False"


def test_a_declined_question_is_logged_and_an_answered_one_is_not(answerer: Answerer, tmp_path: Path) -> None:
    log = UnansweredLog(tmp_path / "declined.jsonl")
    chat = ConsoleChat(answerer, unanswered=log)

    chat.respond("How many soldiers will China send?")
    chat.respond("When is Vostok?")

    assert [entry.text for entry in log.entries()] == ["How many soldiers will China send?"]


def test_the_loop_logs_declines_to_bot_unanswered_log_by_default(answerer: Answerer, unanswered_log_path: Path) -> None:
    run_chat(answerer, ["How many soldiers will China send?"], io.StringIO(), interactive=False)

    assert [entry.text for entry in UnansweredLog(unanswered_log_path).entries()] == [
        "How many soldiers will China send?"
    ]


@pytest.mark.parametrize("typed", ["²", "①", "٣", "9" * 5000])
def test_a_number_in_another_script_or_of_thousands_of_digits_is_read_as_a_question(
    answerer: Answerer, typed: str
) -> None:
    chat = ConsoleChat(answerer)
    chat.respond("hello")
    assert chat.respond(typed)


def test_wrong_logs_the_last_question_and_its_fact_as_disputed(answerer: Answerer, tmp_path: Path) -> None:
    log = UnansweredLog(tmp_path / "unanswered.jsonl")
    chat = ConsoleChat(answerer, unanswered=log)
    assert chat.respond("/wrong") == NOTHING_TO_DISPUTE
    chat.respond("When is Vostok?")
    assert chat.respond("/wrong") == DISPUTED
    [entry] = list(log.entries())
    assert (entry.kind, entry.text, entry.candidate, entry.lang) == (
        "disputed",
        "When is Vostok?",
        "vostok-dates",
        "en",
    )
    assert chat.respond("/wrong") == NOTHING_TO_DISPUTE  # once per answer
