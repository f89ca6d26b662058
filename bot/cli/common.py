"""What the commands share: the knowledge option, reading standard input, the limits of what they print."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TextIO

Command = Callable[[argparse.Namespace], int]
MAX_SHOWN = 50  # problems and warnings listed at most; the rest are counted


def add_knowledge_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--knowledge",
        type=Path,
        default=None,
        metavar="PATH",
        help="the knowledge file (default: $BOT_KNOWLEDGE, else knowledge/facts.yaml or facts.yaml here, "
        "else the packaged one)",
    )


def knowledge_path(args: argparse.Namespace) -> Path:
    from bot.knowledge.model import default_path

    return args.knowledge if args.knowledge is not None else default_path()


def stdin_lines() -> Iterable[str]:
    """Lines split on newline only: a stray carriage return inside a question must not make two answers."""
    stream: TextIO = sys.stdin
    if hasattr(stream, "reconfigure"):
        stream.reconfigure(encoding="utf-8", errors="replace", newline="\n")
    for line in stream:
        yield line.rstrip("\r\n")
