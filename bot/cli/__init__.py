"""The command line: parsing and output only; the work is done by the core modules.

Each module here registers its commands: ``chatting`` (ask, run, chat), ``facts``
(facts, unanswered) and ``quality`` (eval, extract). argparse rather than a
richer framework keeps ``ask`` starting fast, and ``telegram`` is imported only
by the commands that talk to Telegram.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence

import bot
from bot.cli import chatting, facts, quality
from bot.cli.common import MAX_SHOWN, Command
from bot.errors import BotError, KnowledgeError

_MAX_LINE = 2_000  # characters of one error line: a problem may quote a huge value


def build_parser() -> argparse.ArgumentParser:
    """Every command, with help a newcomer can follow."""
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description="A chat bot that answers questions about one news article, in English and French.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {bot.__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    chatting.register(commands)
    facts.register(commands)
    quality.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; user mistakes become a message and a non-zero exit code, never a traceback."""
    for stream in (sys.stdout, sys.stderr):  # a terminal that cannot show a letter gets an escape, not a traceback
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Command = args.handler
    try:
        return handler(args)
    except KnowledgeError as error:
        lines = [f"error: the knowledge file has {len(error.problems)} problem(s):"]
        lines += [f"  {problem}" for problem in error.problems[:MAX_SHOWN]]
        if len(error.problems) > MAX_SHOWN:
            lines.append(f"  and {len(error.problems) - MAX_SHOWN:,} more")
        _print_error(lines)
        return 1
    except BotError as error:
        _print_error([f"error: {error}"])
        return 1
    except ModuleNotFoundError as error:  # run by a Python the bot was not installed into
        if error.name is None or error.name.split(".")[0] == "bot":
            raise
        print(  # not through _print_error: its redaction needs the modules that are missing; this names no secret
            f"error: {error.name} is not installed for {sys.executable}: install the bot first "
            "(python3 -m venv .venv && . .venv/bin/activate && pip install .), then run it with that Python",
            file=sys.stderr,
        )
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _print_error(lines: Sequence[str]) -> None:
    """Error lines on stderr, with the token and the webhook secret redacted whatever the error quotes."""
    from bot.config import ENV_FILE, read_env_file
    from bot.telegram.redact import Redactor

    secrets = [os.environ.get(name, "") for name in ("TELEGRAM_BOT_TOKEN", "WEBHOOK_SECRET")]
    with contextlib.suppress(BotError):
        env = read_env_file(ENV_FILE)
        secrets += [env.get("TELEGRAM_BOT_TOKEN", ""), env.get("WEBHOOK_SECRET", "")]
    redact = Redactor(secret for secret in secrets if secret)
    for line in lines:
        print(redact(line[:_MAX_LINE]), file=sys.stderr)
