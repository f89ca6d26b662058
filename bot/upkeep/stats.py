"""How the bot is used: answered, declined, disputed and liked questions, per fact and per day.

The running bot tallies events in memory and appends them every few seconds,
one small JSON line per day, fact and event with its count (nothing about the
user), to ``knowledge/stats.jsonl`` (``BOT_STATS_LOG``), a rotating file like the
unanswered log, so the counts cover what its two generations hold. Answering
never waits for that file. A declined question counts for the fact that came
closest.
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

    def add(self, day: str, fact: str, event: str, count: int = 1) -> None:
        self.by_fact.setdefault(fact, Counter())[event] += count
        self.by_day.setdefault(day, Counter())[event] += count


class StatsLog:
    """Appends usage events and counts them back."""

    def __init__(self, path: str | os.PathLike[str] | None = None, *, max_bytes: int = MAX_BYTES) -> None:
        self.path = Path(path) if path is not None else default_path()
        self._file = JsonLines(self.path, max_bytes=max_bytes)
        self._pending: Counter[tuple[str, str, str]] = Counter()

    def tally(self, event: str, fact_id: str | None, *, now: datetime | None = None) -> None:
        """Count one ``event`` (one of ``EVENTS``) for ``fact_id`` in memory, until ``flush``."""
        if event not in EVENTS:
            raise ValueError(f"unknown event {event!r}")
        self._pending[((now or datetime.now(UTC)).date().isoformat(), fact_id or NO_FACT, event)] += 1

    def flush(self) -> bool:
        """Append what was tallied since the last flush, one line per day, fact and event; whether it was
        written (what was not is tallied again next time). Never raises."""
        pending, self._pending = self._pending, Counter()
        records = [{"day": day, "fact": fact, "event": event, "count": n} for (day, fact, event), n in pending.items()]
        if not self._file.extend(records):
            self._pending.update(pending)
            return False
        return True

    def record(self, event: str, fact_id: str | None, *, now: datetime | None = None) -> bool:
        """Count one event and write it at once (with what was tallied); whether it was written."""
        self.tally(event, fact_id, now=now)
        return self.flush()

    def counts(self, *, days: Iterable[str] | None = None) -> Counts:
        """The events per fact and per day, written or only tallied (only ``days`` when given); unreadable
        records are skipped."""
        wanted = set(days) if days is not None else None
        counts = Counts()
        written = ((d.get("day"), d.get("fact"), d.get("event"), d.get("count", 1)) for d in self._file.records())
        tallied = ((day, fact, event, n) for (day, fact, event), n in self._pending.items())
        for day, fact, event, n in (*written, *tallied):
            valid = isinstance(day, str) and isinstance(fact, str) and event in EVENTS and isinstance(n, int) and n > 0
            if valid and (wanted is None or day in wanted):
                counts.add(str(day), str(fact), str(event), n)
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
