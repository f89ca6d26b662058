"""Asking and chatting: ``ask`` (one answer per question, as text or JSON), ``run`` (Telegram) and ``chat``."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING

from bot.cli.common import add_knowledge_option, knowledge_path, stdin_lines
from bot.errors import BotError
from bot.replies import JSON_FIELDS

if TYPE_CHECKING:
    from bot.answerer import Answerer
    from bot.config import Settings


SETTINGS = (  # every variable the bot reads, with what it means (tests/test_facts_cli.py holds it to config.py)
    ("TELEGRAM_BOT_TOKEN", "the token from @BotFather; never logged (without it, run chats in the console)"),
    ("TELEGRAM_API_BASE_URL", "another Bot API server, e.g. http://127.0.0.1:8081/bot (default: Telegram's)"),
    ("BOT_KNOWLEDGE", "the knowledge file (default: knowledge/facts.yaml or facts.yaml here, else the packaged one)"),
    ("BOT_ARTICLE_DIRS", "more folders an article may be in, separated by ':'"),
    ("LOG_LEVEL", "DEBUG, INFO (default), WARNING, ERROR"),
    ("WEBHOOK_URL", "the public HTTPS URL Telegram posts updates to (set it for webhook mode)"),
    ("WEBHOOK_LISTEN", "the address the webhook server listens on (default 127.0.0.1)"),
    ("WEBHOOK_PORT", "its port (default 8080); GET /healthz answers 200 there"),
    ("WEBHOOK_SECRET", "the secret Telegram sends with every update (default: a random one per start)"),
    ("BOT_ADMIN_IDS", "numeric Telegram user ids of the admins, comma-separated"),
    ("BOT_RELOAD_SECONDS", "how often the knowledge file is checked for edits (default 2; 0: off)"),
    ("BOT_UNANSWERED_LOG", "where declined questions are kept (default knowledge/unanswered.jsonl)"),
    ("BOT_STATS_LOG", "where answered/declined/disputed/liked counts are kept (default knowledge/stats.jsonl)"),
    ("BOT_FLOOD_LIMIT", "questions allowed per user per window (default 20; 0: off)"),
    ("BOT_FLOOD_WINDOW", "that window, in seconds (default 60)"),
    ("BOT_MAX_RATE", "messages sent per second overall (default 30, Telegram's limit; 0: no pacing)"),
    ("BOT_CONTEXT_MINUTES", "how long a chat remembers its last question for follow-ups (default 5; 0: off)"),
    ("BOT_PERSISTENCE", "file keeping chats' state across restarts (default bot-state.pickle by the knowledge; off)"),
    ("BOT_CACHE_DIR", "where the indexed knowledge is cached (default ~/.cache/article-bot; 'off' disables)"),
)
"""Written out here rather than read from ``bot.config``, which ``ask`` would then import at every start."""


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The ask, run and chat commands."""
    ask_parser = commands.add_parser(
        "ask",
        help="answer a question from the command line",
        description=(
            "Answer QUESTION (one question: its words may come unquoted, `ask when is it`), or when no QUESTION "
            "is given, read one question per line from standard input and print one answer per line, in the "
            "same order: that is how to ask several."
        ),
        epilog="fields of --json:\n" + "\n".join(f"  {name:<12} {meaning}" for name, meaning in JSON_FIELDS),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ask_parser.add_argument(
        "question", nargs="*", metavar="QUESTION", help="the question's words, in English or French"
    )
    ask_parser.add_argument(
        "--json",
        action="store_true",
        help="print one JSON object per question, one per line (its fields are listed below)",
    )
    ask_parser.add_argument("--lang", choices=("en", "fr"), help="answer in this language instead of the question's")
    ask_parser.add_argument(
        "--conversation",
        action="store_true",
        help=(
            "read standard input as one conversation, a turn per line, each read with the turns before it "
            '("and when?"); a blank line starts a new conversation and prints nothing'
        ),
    )
    add_knowledge_option(ask_parser)
    ask_parser.set_defaults(handler=ask)

    run_parser = commands.add_parser(
        "run",
        help="run the bot in Telegram (or chat in the console when no token is set)",
        description=(
            "Run the Telegram bot with long polling, or as a webhook server when WEBHOOK_URL is set, "
            "until Ctrl-C or SIGTERM. Settings come from the environment or a .env file (see .env.example). "
            "Without TELEGRAM_BOT_TOKEN it explains how to get one from @BotFather and starts the console chat."
        ),
        epilog="settings:\n" + "\n".join(f"  {name:<22} {meaning}" for name, meaning in SETTINGS),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_knowledge_option(run_parser)
    run_parser.set_defaults(handler=run)

    chat_parser = commands.add_parser(
        "chat",
        help="chat with the bot in this terminal",
        description=(
            "Chat with the bot in the terminal, with the same replies as in Telegram. Suggested "
            "questions are numbered: type the number to pick one. /source shows the article's "
            "sentence behind the last answer, /help the commands, /quit leaves."
        ),
    )
    add_knowledge_option(chat_parser)
    chat_parser.set_defaults(handler=chat)


def _json_line(data: object) -> str:
    """One JSON object on one line, even for readers that also split lines on U+2028, U+2029 and NEL;
    ASCII-escaped when standard output cannot take UTF-8 (``PYTHONIOENCODING=ascii``)."""
    utf8 = (getattr(sys.stdout, "encoding", "") or "").lower().replace("-", "") == "utf8"
    text = json.dumps(data, ensure_ascii=not utf8)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("\x85", "\\u0085")


def _valid(text: str) -> str:
    """Text from the command line as valid Unicode: bytes that are no UTF-8 ("\\xff") become U+FFFD."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def ask(args: argparse.Namespace) -> int:
    """Answer one question, or one per line of standard input."""
    from bot.cache import load_answerer
    from bot.conversation import Conversation

    answerer = load_answerer(knowledge_path(args))
    questions: Iterable[str] = [_valid(" ".join(args.question))] if args.question else stdin_lines()
    interactive = sys.stdin.isatty() and not args.question
    chat = Conversation() if args.conversation else None
    for question in questions:
        if chat is not None and not question.strip():
            chat.forget()
            continue
        reply = chat.reply(answerer, question, lang=args.lang) if chat else answerer.reply(question, lang=args.lang)
        if args.json:
            line = _json_line(reply.as_json())
        else:
            line = reply.answer if args.question else reply.answer.replace("\n", " ")
        sys.stdout.write(line + "\n")
        if interactive:
            sys.stdout.flush()
    return 0


def run(args: argparse.Namespace) -> int:
    """Run the bot in Telegram; without a token, say how to get one and chat in the console instead."""
    from bot.cache import load_answerer
    from bot.config import load_settings

    settings = load_settings(os.environ)
    answerer = load_answerer(args.knowledge or settings.knowledge_path)
    if not settings.token:
        from bot.console import NO_TOKEN

        print(NO_TOKEN, file=sys.stderr, flush=True)
        return _console_chat(answerer, settings)

    from telegram.error import InvalidToken, TelegramError

    from bot.telegram import app
    from bot.telegram.redact import configure_logging

    redact = configure_logging(settings.log_level_number, settings.secrets())
    try:
        app.run(settings, answerer)
    except InvalidToken as error:
        raise BotError("Telegram rejected TELEGRAM_BOT_TOKEN; copy it again from @BotFather (/token)") from error
    except TelegramError as error:
        raise BotError(f"cannot talk to the Telegram Bot API: {redact(str(error))}") from error
    return 0


def chat(args: argparse.Namespace) -> int:
    """Chat with the bot in this terminal: the same replies as in Telegram."""
    from bot.cache import load_answerer
    from bot.config import load_settings

    settings = load_settings(os.environ)
    return _console_chat(load_answerer(args.knowledge or settings.knowledge_path), settings)


def _console_chat(answerer: Answerer, settings: Settings) -> int:
    from bot.console import run_chat
    from bot.upkeep.unanswered import UnansweredLog

    log = UnansweredLog(settings.unanswered_path)
    interactive = sys.stdin.isatty()
    memory = 60 * settings.context_minutes
    return run_chat(
        answerer, stdin_lines(), sys.stdout, interactive=interactive, unanswered=log, watch=True, memory=memory
    )
