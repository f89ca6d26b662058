"""Noticing edits to the knowledge file while the bot runs, and keeping the last good knowledge.

Maintainers edit ``facts.yaml`` (or the article) by hand on a running server, so
the bot polls both files' (mtime, size, inode) every few seconds: cheaper than
reading them, portable, and with no dependency such as inotify. On a change it
loads and builds a new ``Answerer`` through the load cache (so the next start
is quick too); on a broken edit it keeps serving the old
one and reports the problems once per broken version, not once per poll.
Everything here blocks (stat, load, build): from async code use ``asyncio.to_thread``.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path

from bot.answerer import Answerer
from bot.cache import load_answerer
from bot.errors import KnowledgeError, Problem
from bot.knowledge.model import Knowledge

logger = logging.getLogger(__name__)

Stamp = tuple[int, int, int] | None
"""(mtime_ns, size, inode) of a file, None when it is missing: a rename into place changes the inode.

An edit keeping the size, made within the same file-system clock tick (a few ms) as the
previous one, would go unseen: no person edits that fast, and tests change the size.
"""
Stamps = tuple[Stamp, Stamp]


def stamp(path: Path) -> Stamp:
    """What changes when a file is edited, without reading it."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size, info.st_ino


class KnowledgeWatcher:
    """Polls one knowledge file and its article; builds the next answerer when they change."""

    def __init__(self, knowledge: Knowledge, *, build: Callable[[Path], Answerer] = load_answerer) -> None:
        self.path = knowledge.path
        self._article_path = knowledge.article_path
        self._build = build
        self._lock = threading.Lock()  # a poll and an admin's reload may run in two threads at once
        self._stamps = self._now()
        self._broken: Stamps | None = None

    def _now(self) -> Stamps:
        return stamp(self.path), stamp(self._article_path)

    def poll(self) -> Answerer | KnowledgeError | None:
        """A new answerer when the files changed and load; the error the first time a version is broken; else None."""
        with self._lock:
            stamps = self._now()
            if stamps in (self._stamps, self._broken):
                return None
            try:
                answerer = self._load(stamps)
            except KnowledgeError as error:
                self._broken = stamps
                logger.warning(
                    "The edited knowledge %s is not used, the last good one still answers:\n%s", self.path, error
                )
                return error
            logger.info("Reloaded the knowledge from %s: %d facts", self.path, len(answerer.knowledge.facts))
            return answerer

    def reload(self) -> Answerer:
        """Load now, as after a write through the store; raises KnowledgeError (the caller keeps its answerer)."""
        with self._lock:
            return self._load(self._now())

    def _load(self, stamps: Stamps) -> Answerer:
        """Load and build; ``stamps`` were taken before reading, so an edit made meanwhile is seen next time."""
        try:
            answerer = self._build(self.path)
        except KnowledgeError:
            raise
        except Exception as error:  # a bug on odd data must not stop the bot: treat it like a broken file
            logger.exception("Building the answerer from %s failed", self.path)
            raise KnowledgeError([Problem(self.path, 0, f"cannot build the answerer ({error})")]) from error
        article_path = answerer.knowledge.article_path
        if article_path != self._article_path:  # the edit points to another article: watch that one
            self._article_path = article_path
            stamps = (stamps[0], stamp(article_path))
        self._stamps = stamps
        self._broken = None
        return answerer
