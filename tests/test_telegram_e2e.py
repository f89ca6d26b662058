"""End to end: the real ``python -m bot run`` process, over real HTTP on 127.0.0.1, against the fake Bot API.

Waits are bounded (``wait_for``) and only decide pass or fail, never how fast.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import expected
import pytest
from fake_bot_api import (
    TOKEN,
    FakeBotApi,
    callback_update,
    inline_update,
    message_update,
    user,
)

from bot.answerer import Answerer
from bot.conversation import Conversation
from bot.telegram import texts

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "knowledge" / "facts.yaml"
_INHERITED = ("PATH", "HOME", "LANG", "LC_ALL", "SYSTEMROOT", "VIRTUAL_ENV")


@dataclass
class BotProcess:
    process: subprocess.Popen[bytes]
    stdout: Path
    stderr: Path

    def stop(self) -> int:
        """SIGTERM, as a service manager would; returns the exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise

    @property
    def output(self) -> str:
        return self.stdout.read_text(errors="replace") + self.stderr.read_text(errors="replace")


@contextmanager
def bot_process(tmp_path: Path, base_url: str, **env: str) -> Iterator[BotProcess]:
    """``python -m bot run`` in an empty directory (no .env), with no proxy and only the given settings."""
    environment = {name: os.environ[name] for name in _INHERITED if name in os.environ}
    environment.update(
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_API_BASE_URL=base_url,
        BOT_KNOWLEDGE=str(KNOWLEDGE),
        LOG_LEVEL="INFO",
        PYTHONPATH=str(ROOT),
        PYTHONUNBUFFERED="1",
        BOT_PERSISTENCE=str(tmp_path / "bot-state.pickle"),  # never beside the project's knowledge
    )
    environment.update(env)
    stdout, stderr = tmp_path / "stdout.log", tmp_path / "stderr.log"
    with stdout.open("wb") as out, stderr.open("wb") as err:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", "run"], cwd=tmp_path, env=environment, stdout=out, stderr=err
        )
    bot = BotProcess(process, stdout, stderr)
    try:
        yield bot
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


@pytest.fixture
def served(api: FakeBotApi) -> Iterator[str]:
    with api.serve() as base_url:
        yield base_url


def polling(api: FakeBotApi) -> bool:
    return api.wait_for(lambda: bool(api.called("getUpdates")))


def answered(api: FakeBotApi, count: int) -> bool:
    return api.wait_for(lambda: len(api.sent) >= count and api.pending_updates == 0)


def expected_text(answerer: Answerer, question: str) -> str:
    return answerer.reply(question).body


def test_polling_answers_questions_buttons_and_inline_queries_then_stops_cleanly_on_sigterm(
    tmp_path: Path, api: FakeBotApi, served: str, answerer: Answerer
) -> None:
    with bot_process(tmp_path, served) as bot:
        assert polling(api), bot.output
        api.push(message_update("When is Vostok?", sender=user(7)))
        api.push(message_update("Quand ont lieu les exercices ?", sender=user(8, language_code="fr")))
        assert answered(api, 2), bot.output

        (english,) = api.messages_to(7)
        assert english.text == expected.answer("vostok-dates")
        assert api.messages_to(8)[0].text == expected.answer("vostok-dates", "fr")

        source = next(data for _, data in english.buttons if data.startswith("src:"))
        pressed = {"message_id": english.message_id, "date": 1, "chat": {"id": 7, "type": "private"}}
        api.push(callback_update(source, sent={**pressed, "text": english.text, "reply_markup": english.reply_markup}))
        api.push(inline_update("When is Vostok?"))
        assert api.wait_for(lambda: bool(api.edits) and bool(api.inline_answers) and bool(api.callback_answers))

        assert bot.stop() == 0
    assert api.called("deleteWebhook")  # polling starts by making sure no webhook is set
    assert set(api.commands) == {"", "fr"}
    assert TOKEN not in bot.output


MALFORMED = {
    "message without a date": {
        "message": {"message_id": 1, "chat": {"id": 31, "type": "private"}, "text": "my secret"}
    },
    "message without an id": {"message": {"date": 1, "chat": {"id": 31, "type": "private"}, "text": "my secret"}},
    "chat without a type": {"message": {"message_id": 1, "date": 1, "chat": {"id": 31}, "text": "my secret"}},
    "callback without an id": {
        "callback_query": {"from": {"id": 31, "is_bot": False, "first_name": "Mallory"}, "chat_instance": "x"}
    },
    "inline query without a query": {
        "inline_query": {"id": "1", "from": {"id": 31, "is_bot": False, "first_name": "Mallory"}, "offset": ""}
    },
}


def test_updates_the_library_cannot_read_are_skipped_once_and_the_bot_answers_the_next(
    tmp_path: Path, api: FakeBotApi, served: str
) -> None:
    with bot_process(tmp_path, served) as bot:
        assert polling(api), bot.output
        for malformed in MALFORMED.values():
            api.push(malformed)
        api.push(message_update("When is Vostok?", sender=user(7)))
        assert answered(api, 1), bot.output
        assert [m.text for m in api.messages_to(7)] == [expected.answer("vostok-dates")]
        calls = len([call for call in api.calls if call == "getUpdates"])
        assert bot.stop() == 0

    assert calls < 20  # no re-polling of the same batch, hundreds of times a second
    output = bot.output
    assert output.count("Skipped update") == len(MALFORMED)
    assert "my secret" not in output and "Mallory" not in output and "CRITICAL" not in output


def test_a_burst_of_500_messages_from_50_users_is_answered_exactly_once_each_in_order(
    tmp_path: Path, api: FakeBotApi, served: str, answerer: Answerer
) -> None:
    questions = ["When is Vostok?", "Where is Vostok?", "hello", "Who takes part?", "What is the weather?"]
    users = range(1001, 1051)
    # No pacing: the loopback fake has no rate limit, and at Telegram's 30 a second the burst would take 17 s.
    with bot_process(tmp_path, served, BOT_MAX_RATE="0") as bot:
        assert polling(api), bot.output
        for round_ in range(10):
            for user_id in users:
                api.push(message_update(questions[(user_id + round_) % 5], sender=user(user_id)))
        assert answered(api, 500), f"{len(api.sent)} answers\n{bot.output}"
        assert bot.stop() == 0

    assert len(api.sent) == 500
    for user_id in users:
        asked = [questions[(user_id + round_) % 5] for round_ in range(10)]
        chat = Conversation(clock=lambda: 0.0)  # each user's messages are read in their own chat, in order
        assert [sent.text for sent in api.messages_to(user_id)] == [chat.reply(answerer, q).body for q in asked]


def eventually(predicate: Callable[[], bool], timeout: float = 20.0) -> bool:
    """Whether ``predicate`` comes true before the deadline (checked every few ms): for what the fake cannot see."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def test_an_edit_of_the_knowledge_file_is_answered_without_a_restart(
    tmp_path: Path, api: FakeBotApi, served: str, knowledge_copy: Path
) -> None:
    with bot_process(tmp_path, served, BOT_KNOWLEDGE=str(knowledge_copy), BOT_RELOAD_SECONDS="0.1") as bot:
        assert polling(api), bot.output
        api.push(message_update("When is Vostok?", sender=user(41)))
        assert answered(api, 1), bot.output

        edited = knowledge_copy.read_text(encoding="utf-8").replace("according to Moscow;", "according to the edit;")
        knowledge_copy.write_text(edited, encoding="utf-8")
        assert eventually(lambda: "Reloaded the knowledge" in bot.output), bot.output
        api.push(message_update("When is Vostok?", sender=user(41)))
        assert answered(api, 2), bot.output
        assert bot.stop() == 0

    before, after = api.messages_to(41)
    assert "according to Moscow" in before.text
    assert "according to the edit" in after.text


def test_a_knowledge_file_deleted_emptied_or_corrupted_while_running_leaves_the_last_good_one_answering(
    tmp_path: Path, api: FakeBotApi, served: str, knowledge_copy: Path, answerer: Answerer
) -> None:
    good = expected.answer("vostok-dates")
    with bot_process(tmp_path, served, BOT_KNOWLEDGE=str(knowledge_copy), BOT_RELOAD_SECONDS="0.1") as bot:
        assert polling(api), bot.output
        breakages: list[Callable[[], object]] = [
            knowledge_copy.unlink,
            lambda: knowledge_copy.write_text("", encoding="utf-8"),
            lambda: knowledge_copy.write_bytes(b"facts: [\n  - id: {\xff\xfe"),
        ]
        for count, breakage in enumerate(breakages, start=1):
            breakage()
            assert eventually(lambda n=count: bot.output.count("the last good one still answers") >= n), bot.output
            api.push(message_update("When is Vostok?", sender=user(71)))
            assert answered(api, count), bot.output
        assert bot.process.poll() is None
        assert bot.stop() == 0

    assert [m.text for m in api.messages_to(71)] == [good] * 3


def test_flood_control_and_server_errors_are_survived(
    tmp_path: Path, api: FakeBotApi, served: str, answerer: Answerer
) -> None:
    api.fail_next("getUpdates", 429, retry_after=1)
    api.fail_next("getUpdates", 502)
    with bot_process(tmp_path, served) as bot:
        assert polling(api), bot.output
        api.fail_next("sendMessage", 429, retry_after=1)
        api.push(message_update("When is Vostok?", sender=user(21)))
        assert answered(api, 1), bot.output

        api.fail_next("sendMessage", 500, times=2)  # retried after a pause, twice: the answer goes through
        api.push(message_update("Where is Vostok?", sender=user(22)))
        assert answered(api, 2), bot.output
        assert bot.stop() == 0

    assert [m.text for m in api.messages_to(21)] == [expected.answer("vostok-dates")]
    assert [m.text for m in api.messages_to(22)] == [expected.answer("vostok-location")]


def test_debug_logs_never_show_the_token_even_in_tracebacks(tmp_path: Path, api: FakeBotApi, served: str) -> None:
    with bot_process(tmp_path, served, LOG_LEVEL="DEBUG") as bot:
        assert polling(api), bot.output
        api.push(message_update("When is Vostok?", sender=user(31)))
        # A proxy's error page echoes the URL, token included: the library logs the page with a traceback,
        # and the polling error handler logs an exception whose message quotes it.
        api.proxy_error_next("sendMessage")
        api.proxy_error_next("getUpdates")
        api.push(message_update("Where is Vostok?", sender=user(31)))
        assert answered(api, 2), bot.output
        assert bot.stop() == 0

    output = bot.output
    assert "NetworkError: Bad Gateway (502). Parsing the server response" in output  # a traceback's last line
    assert "POST /bot[REDACTED]/getUpdates" in output
    assert "[REDACTED]" in output  # the URLs and pages with the token were logged, redacted
    assert TOKEN not in output
    assert TOKEN.split(":")[1] not in output


# -- faults of the network: none lost, and none twice when Telegram never got the call ---------------


def test_a_few_seconds_of_refused_connections_lose_no_question_and_answer_none_twice(
    tmp_path: Path, api: FakeBotApi, served: str, answerer: Answerer
) -> None:
    users = (51, 52, 53)
    first, second = "When is Vostok?", "Where is Vostok?"
    with bot_process(tmp_path, served) as bot:
        assert polling(api), bot.output
        api.outage_on_next("sendMessage", seconds=2.5)  # the first answer finds the server going down
        for user_id in users:
            api.push(message_update(first, sender=user(user_id)))
        assert api.wait_for(lambda: api.down, timeout=10), bot.output
        for user_id in users:  # asked while the server is down: they wait in the queue
            api.push(message_update(second, sender=user(user_id)))
        assert answered(api, 6), f"{len(api.sent)} answers\n{bot.output}"
        assert bot.stop() == 0

    wanted = [expected.answer("vostok-dates"), expected.answer("vostok-location")]
    for user_id in users:
        assert [m.text for m in api.messages_to(user_id)] == wanted
    assert texts.APOLOGY["en"] not in bot.output


def test_answers_that_time_out_are_sent_again_so_none_is_lost_though_telegram_may_show_them_twice(
    tmp_path: Path, api: FakeBotApi, served: str, answerer: Answerer
) -> None:
    """Telegram sent those two but answered after the client's 5 s timeout: the retries send them again.

    At least once, not exactly once (see bot/telegram/limits.py): Telegram cannot be asked whether a
    message went out, and a repeated answer is better than a lost one.
    """
    users = (61, 62, 63)
    stalled = 2
    with bot_process(tmp_path, served) as bot:
        assert polling(api), bot.output
        api.stall_next("sendMessage", 5.5, times=stalled)
        for user_id in users:
            api.push(message_update("When is Vostok?", sender=user(user_id)))
        assert api.wait_for(lambda: len(api.sent) >= len(users) + stalled), f"{len(api.sent)} sent\n{bot.output}"
        assert bot.stop() == 0

    received = {user_id: [m.text for m in api.messages_to(user_id)] for user_id in users}
    answer = expected.answer("vostok-dates")
    assert all(copies and set(copies) == {answer} for copies in received.values()), received
    assert sum(len(copies) - 1 for copies in received.values()) == stalled  # the only copies: the late answers


def test_a_rejected_token_exits_with_a_clear_message_without_the_token(tmp_path: Path, served: str) -> None:
    wrong = "987654321:AAWrongTokenWrongTokenWrongToken_xyz"
    with bot_process(tmp_path, served, TELEGRAM_BOT_TOKEN=wrong, LOG_LEVEL="DEBUG") as bot:
        code = bot.process.wait(timeout=30)

    assert code == 1
    assert "@BotFather" in bot.stderr.read_text()
    assert wrong.split(":")[1] not in bot.output


def test_a_rejected_token_is_one_clear_line_and_no_traceback(tmp_path: Path, served: str) -> None:
    wrong = "987654321:AAWrongTokenWrongTokenWrongToken_xyz"
    with bot_process(tmp_path, served, TELEGRAM_BOT_TOKEN=wrong) as bot:
        code = bot.process.wait(timeout=30)

    assert code == 1
    assert "Traceback" not in bot.output
    assert bot.stderr.read_text().splitlines()[-1].startswith("error: Telegram rejected TELEGRAM_BOT_TOKEN")


def test_an_unreachable_bot_api_is_one_clear_line_and_no_traceback(tmp_path: Path) -> None:
    with bot_process(tmp_path, f"http://127.0.0.1:{_free_port()}/bot") as bot:
        code = bot.process.wait(timeout=60)

    assert code == 1
    assert "Traceback" not in bot.output
    assert bot.stderr.read_text().splitlines()[-1].startswith("error: cannot talk to the Telegram Bot API")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _post(port: int, path: str, update: dict[str, Any], secret: str | None) -> int:
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("POST", path, body=json.dumps(update), headers=headers)
        return connection.getresponse().status
    finally:
        connection.close()


def _listening(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
        return True
    except OSError:
        return False


def test_webhook_mode_registers_the_secret_and_refuses_requests_without_it(
    tmp_path: Path, api: FakeBotApi, served: str, answerer: Answerer
) -> None:
    port = _free_port()
    url = f"https://bot.example.org/telegram/hook-{port}"
    with bot_process(tmp_path, served, WEBHOOK_URL=url, WEBHOOK_PORT=str(port), WEBHOOK_SECRET="s3cret-Token_1") as bot:
        assert api.wait_for(lambda: api.webhook is not None and _listening(port)), bot.output
        assert api.webhook is not None
        assert (api.webhook["url"], api.webhook["secret_token"]) == (url, "s3cret-Token_1")
        path = f"/telegram/hook-{port}"
        update = {"update_id": 1, **message_update("When is Vostok?", sender=user(41))}

        assert _post(port, path, update, secret=None) == 403
        assert _post(port, path, update, secret="wrong") == 403
        assert _post(port, path, update, secret="s3cret-Token_1") == 200
        assert api.wait_for(lambda: len(api.sent) >= 1), bot.output
        assert bot.stop() == 0

    assert [m.text for m in api.messages_to(41)] == [expected.answer("vostok-dates")]
    assert "s3cret-Token_1" not in bot.output


def _raw(port: int, head: str, body: bytes = b"", *, wait: float = 5.0) -> int:
    """Send a raw request; the status the server answered within ``wait`` seconds (0: none)."""
    with socket.create_connection(("127.0.0.1", port), timeout=wait) as connection:
        connection.sendall(head.encode() + body)
        try:
            answer = connection.recv(100)
        except (TimeoutError, ConnectionResetError):
            return 0
    return int(answer.split(b" ", 2)[1]) if answer else 0


def test_webhook_mode_refuses_early_answers_bad_json_with_400_and_skips_unreadable_updates(
    tmp_path: Path, api: FakeBotApi, served: str
) -> None:
    port = _free_port()
    url = f"https://bot.example.org/hook-{port}"
    with bot_process(tmp_path, served, WEBHOOK_URL=url, WEBHOOK_PORT=str(port), WEBHOOK_SECRET="s3cret-Token_1") as bot:
        assert api.wait_for(lambda: api.webhook is not None and _listening(port)), bot.output
        head = f"POST /hook-{port} HTTP/1.1\r\nHost: b\r\nContent-Type: application/json\r\n"
        huge = head + "Content-Length: 90000000\r\n\r\n"  # the 90 MB are never sent: an answer means none was awaited
        assert _raw(port, huge, wait=3) == 403
        secret = head + "X-Telegram-Bot-Api-Secret-Token: s3cret-Token_1\r\n"
        assert _raw(port, secret + "Content-Length: 90000000\r\n\r\n", wait=3) == 413
        for body in (b"{not json", b"[" * 50_000 + b"]" * 50_000):
            assert _raw(port, secret + f"Content-Length: {len(body)}\r\n\r\n", body) == 400
        for malformed in MALFORMED.values():
            assert (
                _post(port, f"/hook-{port}", {"update_id": 100 + len(api.sent), **malformed}, "s3cret-Token_1") == 200
            )
        good = {"update_id": 200, **message_update("When is Vostok?", sender=user(42))}
        assert _post(port, f"/hook-{port}", good, "s3cret-Token_1") == 200
        assert api.wait_for(lambda: len(api.sent) >= 1), bot.output
        assert bot.stop() == 0

    assert [m.text for m in api.messages_to(42)] == [expected.answer("vostok-dates")]
    assert "my secret" not in bot.output and "Mallory" not in bot.output and "CRITICAL" not in bot.output


def test_a_restart_keeps_follow_ups_an_addfact_in_progress_and_flood_windows(
    tmp_path: Path, api: FakeBotApi, served: str, knowledge_copy: Path
) -> None:
    admin, reader, flooder = user(42, first_name="Zelda"), user(7), user(8)
    settings = {"BOT_KNOWLEDGE": str(knowledge_copy), "BOT_ADMIN_IDS": "42", "BOT_FLOOD_LIMIT": "2"}
    with bot_process(tmp_path, served, **settings) as bot:
        assert polling(api), bot.output
        api.push(message_update("When is Vostok?", sender=reader))
        api.push(message_update("Who takes part in Vostok?", sender=flooder))
        api.push(message_update("Where is Vostok?", sender=flooder))
        api.push(message_update("/addfact", sender=admin))
        assert answered(api, 4), bot.output
        api.push(message_update("How many soldiers will China send?", sender=admin))
        assert answered(api, 5), bot.output
        assert api.messages_to(42)[-1].text == texts.ASK_ANSWER
        assert bot.stop() == 0
    assert (tmp_path / "bot-state.pickle").is_file()

    with bot_process(tmp_path, served, **settings) as bot:  # a new process, the same state file
        assert polling(api), bot.output
        api.push(message_update("where?", sender=reader))
        api.push(message_update("What is Vostok?", sender=flooder))
        api.push(message_update("The article does not say how many soldiers China will send.", sender=admin))
        assert answered(api, 8), bot.output
        assert bot.stop() == 0

    assert api.messages_to(7)[-1].text == expected.answer("vostok-location")  # "where?" still means Vostok
    assert api.messages_to(8)[-1].text == texts.FLOODED["en"]  # its window of 2 questions was kept
    assert api.messages_to(42)[-1].text.startswith("3/5")  # /addfact goes on at the language step


def test_persistence_off_keeps_nothing(tmp_path: Path, api: FakeBotApi, served: str) -> None:
    with bot_process(tmp_path, served, BOT_PERSISTENCE="off") as bot:
        assert polling(api), bot.output
        api.push(message_update("When is Vostok?", sender=user(7)))
        assert answered(api, 1), bot.output
        assert bot.stop() == 0
    assert not list(tmp_path.glob("*.pickle"))
