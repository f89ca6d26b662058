"""How the bot is used: answered, declined, disputed and liked questions, per fact and per day.

The running bot appends one small JSON line per event (day, fact, event; nothing
about the user) to ``knowledge/stats.jsonl`` (``BOT_STATS_LOG``), a rotating file
like the unanswered log, so the counts cover what its two generations hold.
A declined question counts for the fact that came closest.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.upkeep.jsonlines import JsonLines

DEFAULT_PATH = Path("knowledge/stats.jsonl")
MAX_BYTES = 5_000_000
"""About 80,000 events per generation."""
EVENTS = ("answered", "declined", "disputed", "liked")
NO_FACT = "-"
"""How a declined question that came close to no fact is counted."""


def default_path() -> Path:
    """``BOT_STATS_LOG`` when set, else ``knowledge/stats.jsonl``."""
    return Path(os.environ.get("BOT_STATS_LOG") or DEFAULT_PATH)


@dataclass
class Counts:
    """Events per fact and per day."""

    by_fact: dict[str, Counter[str]] = field(default_factory=dict)
    by_day: dict[str, Counter[str]] = field(default_factory=dict)

    def add(self, day: str, fact: str, event: str) -> None:
        self.by_fact.setdefault(fact, Counter())[event] += 1
        self.by_day.setdefault(day, Counter())[event] += 1

    @property
    def total(self) -> Counter[str]:
        return sum(self.by_day.values(), Counter())


class StatsLog:
    """Appends usage events and counts them back."""

    def __init__(self, path: str | os.PathLike[str] | None = None, *, max_bytes: int = MAX_BYTES) -> None:
        self.path = Path(path) if path is not None else default_path()
        self._file = JsonLines(self.path, max_bytes=max_bytes)

    def record(self, event: str, fact_id: str | None, *, now: datetime | None = None) -> bool:
        """Count one ``event`` (one of ``EVENTS``) for ``fact_id``; whether it was written. Never raises."""
        if event not in EVENTS:
            raise ValueError(f"unknown event {event!r}")
        day = (now or datetime.now(UTC)).date().isoformat()
        return self._file.append({"day": day, "fact": fact_id or NO_FACT, "event": event})

    def counts(self, *, days: Iterable[str] | None = None) -> Counts:
        """The events per fact and per day (only ``days`` when given); unreadable records are skipped."""
        wanted = set(days) if days is not None else None
        counts = Counts()
        for data in self._file.records():
            day, fact, event = data.get("day"), data.get("fact"), data.get("event")
            if isinstance(day, str) and isinstance(fact, str) and event in EVENTS and (wanted is None or day in wanted):
                counts.add(day, fact, str(event))
        return counts


def last_days(count: int) -> list[str]:
    """The ``count`` most recent days (UTC), today included, as the log writes them."""
    today = datetime.now(UTC).date()
    return [(today - timedelta(days=back)).isoformat() for back in range(count)]


def table(rows: dict[str, Counter[str]], *, heading: str, by_name: bool = False) -> list[str]:
    """Rows of counts as aligned text lines, the busiest first (or in order of name: days)."""
    width = max([len(heading), *(len(name) for name in rows)])
    lines = [f"{heading:<{width}}  " + " ".join(f"{event:>9}" for event in EVENTS)]
    order = sorted(rows) if by_name else sorted(rows, key=lambda name: (-sum(rows[name].values()), name))
    for name, counter in ((name, rows[name]) for name in order):
        lines.append(f"{name:<{width}}  " + " ".join(f"{counter[event]:>9}" for event in EVENTS))
    return lines
