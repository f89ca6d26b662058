"""An append-only JSON-lines file with one older generation: what the bot's logs are made of.

Appending takes the file's lock (several bot processes may share a log), rotates
the file to ``NAME.1`` before it would pass its size limit (so a log cannot fill
the disk) and never raises: losing a log line must never cost a user an answer.
Appending blocks briefly on that lock: call it from async code with ``asyncio.to_thread``.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)


class JsonLines:
    """A JSON-lines file at ``path``, at most ``max_bytes`` long, and its one older generation."""

    def __init__(self, path: Path, *, max_bytes: int) -> None:
        self.path = path
        self.max_bytes = max_bytes

    @property
    def rotated(self) -> Path:
        """The one older file kept after rotation."""
        return self.path.with_name(self.path.name + ".1")

    def append(self, record: Mapping[str, Any]) -> bool:
        """Add one record; whether it was written. Never raises."""
        return self.extend([record])

    def extend(self, records: Iterable[Mapping[str, Any]]) -> bool:
        """Add records in one write; whether they were written. Never raises."""
        lines = b"".join((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8") for record in records)
        if not lines:
            return True
        from bot.knowledge.store import locked  # writes only: logs are read where ruamel is not needed

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with locked(self.path):
                self._rotate_before(len(lines))
                with open(self.path, "ab") as stream:
                    stream.write(lines)
        except Exception as error:  # losing one log line must never cost the user an answer
            logger.warning("could not write a line to %s: %s", self.path, error)
            return False
        return True

    def _rotate_before(self, size: int) -> None:
        try:
            current = self.path.stat().st_size
        except FileNotFoundError:
            return
        if current and current + size > self.max_bytes:
            os.replace(self.path, self.rotated)

    def records(self) -> Iterator[dict[str, Any]]:
        """Every record, oldest first; a line that is no JSON object is skipped with a warning."""
        for path in (self.rotated, self.path):
            try:
                lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
            except FileNotFoundError:
                continue
            except OSError as error:  # a folder in its place, no permission: say so, read what can be read
                logger.warning("cannot read %s: %s", path, error.strerror or error)
                continue
            for number, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                try:
                    data = json.loads(line)
                except ValueError:
                    data = None
                if isinstance(data, dict):
                    yield data
                else:
                    logger.warning("skipping an unreadable line %s:%d", path, number)

    def clear(self) -> int:
        """Delete both generations; how many records went."""
        from bot.knowledge.store import locked

        count = sum(1 for _ in self.records())
        with locked(self.path):
            for path in (self.path, self.rotated):
                path.unlink(missing_ok=True)
        return count
