"""The `ask` command: its output contract, batch mode, options and error messages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import build_parser, main

ROOT = Path(__file__).resolve().parent.parent
CONTRACT_FIELDS = {"question", "answer", "fact_id", "score", "lang", "suggestions"}


def run_bot(
    *args: str, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        timeout=60,
    )


def test_ask_prints_the_answer() -> None:
    result = run_bot("ask", "who is participating in Vostok")
    assert result.returncode == 0, result.stderr
    assert "Tajikistan" in result.stdout


def test_ask_json_prints_one_object_with_the_contract_fields() -> None:
    result = run_bot("ask", "--json", "Quand commence Vostok ?")
    reply = json.loads(result.stdout)
    assert reply.keys() >= CONTRACT_FIELDS
    assert reply["fact_id"] == "vostok-dates" and reply["lang"] == "fr" and isinstance(reply["suggestions"], list)


def test_ask_json_gives_a_null_fact_for_a_decline() -> None:
    reply = json.loads(run_bot("ask", "--json", "What's the weather in Paris?").stdout)
    assert reply["fact_id"] is None and reply["answer"]


def test_ask_reads_one_question_per_line_and_answers_each_in_order() -> None:
    questions = ["When is Vostok?", "", "hello", "Qui est Ned Price ?", "🙂"]
    result = run_bot("ask", "--json", stdin="\n".join(questions) + "\n")
    replies = [json.loads(line) for line in result.stdout.splitlines()]
    assert [reply["question"] for reply in replies] == questions
    assert replies[0]["fact_id"] == "vostok-dates" and replies[3]["fact_id"] == "ned-price"
    assert all(reply["answer"] for reply in replies)


def test_ask_plain_batch_prints_one_line_per_question() -> None:
    result = run_bot("ask", stdin="When is Vostok?\nWhat's the weather in Paris?\n")
    assert len(result.stdout.splitlines()) == 2


def test_ask_lang_forces_the_answer_language() -> None:
    reply = json.loads(run_bot("ask", "--json", "--lang", "fr", "When is Vostok?").stdout)
    assert reply["lang"] == "fr" and "août" in reply["answer"]


def test_ask_uses_the_knowledge_named_by_bot_knowledge(tmp_path: Path) -> None:
    result = run_bot("ask", "When is Vostok?", env={"BOT_KNOWLEDGE": str(tmp_path / "missing.yaml")})
    assert result.returncode != 0 and "missing.yaml" in result.stderr


def test_ask_with_a_broken_knowledge_file_prints_located_problems_without_traceback(tmp_path: Path) -> None:
    broken = tmp_path / "facts.yaml"
    broken.write_text("article: nowhere.txt\nfacts: [\n", encoding="utf-8")
    result = run_bot("ask", "--knowledge", str(broken), "When is Vostok?")
    assert result.returncode == 1
    assert f"{broken}:" in result.stderr and "Traceback" not in result.stderr


def test_ask_does_not_import_telegram() -> None:
    code = (
        "import sys\nfrom bot.cli import main\nmain(['ask', 'When is Vostok?'])\n"
        "assert not [m for m in sys.modules if m.split('.')[0] == 'telegram'], 'telegram imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr


def test_a_missing_dependency_is_a_message_that_says_how_to_install_not_a_traceback() -> None:
    code = (  # rapidfuzz as if it were not installed: python -m bot run by a Python the bot was not installed into
        "import sys\nsys.modules['rapidfuzz'] = None\nfrom bot.cli import main\n"
        "sys.exit(main(['ask', 'When is Vostok?']))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "rapidfuzz" in result.stderr and "pip install" in result.stderr


def test_a_usage_mistake_exits_non_zero_with_a_message(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["ask", "--lang", "de", "hello"])
    assert caught.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_every_command_and_option_has_help_text() -> None:
    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    helps = {action.dest: action.help for action in subparsers._choices_actions}
    assert "ask" in helps
    for name, command in subparsers.choices.items():
        assert helps.get(name), f"{name} has no help"
        for action in command._actions:
            if action.dest != "help" and not action.__class__.__name__.startswith("_SubParsers"):
                assert action.help, f"{name} {action.dest} has no help"


def test_ask_help_says_its_words_make_one_question_and_several_go_on_standard_input(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # reported by a maintainer: `ask "q1" "q2"` asked one question made of both, the help suggested several
    with pytest.raises(SystemExit):
        main(["ask", "--help"])
    shown = " ".join(capsys.readouterr().out.split())
    assert "one question" in shown and "how to ask several" in shown


def _ask(*args: str, env: dict[str, str] | None = None, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable.encode(), b"-m", b"bot", b"ask", *(a.encode("utf-8", "surrogateescape") for a in args)],
        input=stdin,
        capture_output=True,
        env={**os.environ, "BOT_CACHE_DIR": "off", **(env or {})},
        cwd=ROOT,
        timeout=60,
    )


def test_json_is_valid_utf8_whatever_bytes_the_question_holds() -> None:
    done = _ask("--json", "when is vostok \udcff")  # the byte 0xff, as Python hands it over from argv
    assert done.returncode == 0, done.stderr
    reply = json.loads(done.stdout.decode("utf-8"))
    assert reply["fact_id"] == "vostok-dates" and "\ufffd" in reply["question"]


@pytest.mark.parametrize("json_flag", [True, False])
def test_a_terminal_that_takes_only_ascii_gets_escapes_not_a_traceback(json_flag: bool) -> None:
    args = ["--json"] if json_flag else []
    done = _ask(*args, "Quand commence Vostok ?", env={"PYTHONIOENCODING": "ascii"})
    assert done.returncode == 0 and b"Traceback" not in done.stderr
    assert done.stdout.isascii()
    if json_flag:
        assert json.loads(done.stdout)["lang"] == "fr"
