"""The command line: parsing and output only; the work is done by the core modules.

argparse rather than a richer framework keeps ``ask`` starting fast, and
``telegram`` is imported only by the commands that talk to Telegram.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TextIO

from bot.errors import BotError, KnowledgeError

Command = Callable[[argparse.Namespace], int]


def _add_knowledge_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--knowledge",
        type=Path,
        default=None,
        metavar="PATH",
        help="the knowledge file (default: $BOT_KNOWLEDGE, else knowledge/facts.yaml)",
    )


def _knowledge_path(args: argparse.Namespace) -> Path:
    from bot.knowledge import default_path

    return args.knowledge if args.knowledge is not None else default_path()


def _stdin_lines() -> Iterable[str]:
    stream: TextIO = sys.stdin
    if hasattr(stream, "reconfigure"):
        stream.reconfigure(encoding="utf-8", errors="replace")
    for line in stream:
        yield line.rstrip("\r\n")


def ask(args: argparse.Namespace) -> int:
    """Answer one question, or one per line of standard input."""
    from bot.answerer import Answerer
    from bot.knowledge import load

    answerer = Answerer(load(_knowledge_path(args)))
    questions: Iterable[str] = [" ".join(args.question)] if args.question else _stdin_lines()
    interactive = sys.stdin.isatty() and not args.question
    for question in questions:
        reply = answerer.reply(question, lang=args.lang)
        if args.json:
            line = json.dumps(reply.as_json(), ensure_ascii=False)
        else:
            line = reply.answer if args.question else reply.answer.replace("\n", " ")
        sys.stdout.write(line + "\n")
        if interactive:
            sys.stdout.flush()
    return 0


def build_parser() -> argparse.ArgumentParser:
    """Every command, with help a newcomer can follow."""
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description="A chat bot that answers questions about one news article, in English and French.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    ask_parser = commands.add_parser(
        "ask",
        help="answer a question from the command line",
        description=(
            "Answer QUESTION, or when no QUESTION is given, read one question per line from "
            "standard input and print one answer per line, in the same order."
        ),
    )
    ask_parser.add_argument("question", nargs="*", metavar="QUESTION", help="the question, in English or French")
    ask_parser.add_argument(
        "--json",
        action="store_true",
        help="print one JSON object per question: question, answer, fact_id, score, lang, suggestions, kind",
    )
    ask_parser.add_argument("--lang", choices=("en", "fr"), help="answer in this language instead of the question's")
    _add_knowledge_option(ask_parser)
    ask_parser.set_defaults(handler=ask)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; user mistakes become a message and a non-zero exit code, never a traceback."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Command = args.handler
    try:
        return handler(args)
    except KnowledgeError as error:
        print(f"error: the knowledge file has {len(error.problems)} problem(s):", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    except BotError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
