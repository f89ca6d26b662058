"""The questions the bot declined, and the answers users disputed, kept so maintainers learn what to fix.

One JSON object per line: time, text, language, best candidate and its score,
and ``kind``: "declined" (no fact answered), or "disputed" (a user pressed 👎 on
the answer of fact ``candidate``); older lines without it are declines.
Nothing that identifies the user is kept (no ids, no names, ``@mentions`` are
removed). The log is rotated at a size limit so it cannot fill the disk, and
recording never raises: a full disk must not stop the bot from answering.
Recording blocks briefly on a lock: call it from async code with ``asyncio.to_thread``.
"""

from __future__ import annotations

import logging
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz, process

from bot.answerer import Answerer, Reply
from bot.upkeep.jsonlines import JsonLines

if TYPE_CHECKING:
    from bot.knowledge.store import Added
from bot.folding import normalize, without_mentions

logger = logging.getLogger(__name__)

DEFAULT_PATH = Path("knowledge/unanswered.jsonl")
DECLINED = "declined"
DISPUTED = "disputed"
MAX_BYTES = 1_000_000
SIMILARITY = 85.0
"""Questions at least this similar (rapidfuzz token_sort_ratio, after normalising) form one group."""


def default_path() -> Path:
    """``BOT_UNANSWERED_LOG`` when set, else ``knowledge/unanswered.jsonl``."""
    return Path(os.environ.get("BOT_UNANSWERED_LOG") or DEFAULT_PATH)


@dataclass(frozen=True)
class Entry:
    """One declined question."""

    time: str
    text: str
    lang: str
    candidate: str | None
    score: float
    kind: str = DECLINED
    """"declined", or "disputed": ``candidate`` is then the fact whose answer a user disputed."""


@dataclass(frozen=True)
class Group:
    """Near-duplicate declined questions (or disputed answers of one fact), shown as one line with a count."""

    text: str
    count: int
    langs: tuple[str, ...]
    candidate: str | None
    score: float
    last: str
    examples: tuple[str, ...]
    kind: str = DECLINED

    def as_json(self) -> dict[str, Any]:
        """The ``unanswered --json`` object."""
        return {
            "kind": self.kind,
            "text": self.text,
            "count": self.count,
            "langs": list(self.langs),
            "candidate": self.candidate,
            "score": self.score,
            "last": self.last,
            "examples": list(self.examples),
        }


class UnansweredLog:
    """Appends declined questions and disputed answers to a JSON-lines file and groups them back."""

    def __init__(self, path: str | os.PathLike[str] | None = None, *, max_bytes: int = MAX_BYTES) -> None:
        self.path = Path(path) if path is not None else default_path()
        self.max_bytes = max_bytes
        self._file = JsonLines(self.path, max_bytes=max_bytes)

    @property
    def rotated(self) -> Path:
        """The one older file kept after rotation."""
        return self._file.rotated

    def record(self, reply: Reply) -> bool:
        """Append ``reply`` when it is a decline; whether it was written. Never raises."""
        if reply.kind != "decline":
            return False
        return self._append(DECLINED, reply.question, reply.lang, reply.candidate, reply.score)

    def dispute(self, question: str, fact_id: str, lang: str) -> bool:
        """Append a disputed answer: a user said fact ``fact_id`` does not answer ``question``. Never raises."""
        return self._append(DISPUTED, question, lang, fact_id, 0.0)

    def _append(self, kind: str, question: str, lang: str, candidate: str | None, score: float) -> bool:
        return self._file.append(
            {
                "time": datetime.now(UTC).isoformat(timespec="seconds"),
                "kind": kind,
                "text": without_mentions(question),
                "lang": lang,
                "candidate": candidate,
                "score": score,
            }
        )

    def clear(self) -> int:
        """Forget every declined question and disputed answer (the log and its older file); how many went."""
        return self._file.clear()

    def entries(self) -> Iterator[Entry]:
        """Every logged question, oldest first; unreadable lines are skipped with a warning."""
        for data in self._file.records():
            try:
                yield Entry(
                    str(data["time"]),
                    str(data["text"]),
                    str(data.get("lang") or ""),
                    data.get("candidate"),
                    float(data.get("score") or 0.0),
                    DISPUTED if data.get("kind") == DISPUTED else DECLINED,
                )
            except (ValueError, KeyError, TypeError):
                logger.warning("skipping an unreadable entry of %s", self.path)

    def groups(self) -> list[Group]:
        """The logged questions grouped with their near-duplicates, most frequent first."""
        return group(self.entries())


def group(entries: Iterable[Entry], *, similarity: float = SIMILARITY) -> list[Group]:
    """Near-duplicates together (normalised, rapidfuzz token_sort_ratio >= ``similarity``), most frequent first;
    a disputed answer only with disputes of the same fact's answer."""
    keys: dict[tuple[str, str | None], list[str]] = {}
    members: dict[tuple[str, str | None], list[list[Entry]]] = {}
    for entry in entries:
        kind = (entry.kind, entry.candidate if entry.kind == DISPUTED else None)
        known, listed = keys.setdefault(kind, []), members.setdefault(kind, [])
        key = normalize(entry.text)
        found = process.extractOne(key, known, scorer=fuzz.token_sort_ratio, score_cutoff=similarity) if known else None
        if found is None:
            known.append(key)
            listed.append([entry])
        else:
            listed[found[2]].append(entry)
    groups = [_summary(items) for listed in members.values() for items in listed]
    groups.sort(key=lambda g: (-g.count, _negated(g.last)))
    return groups


def _summary(items: list[Entry]) -> Group:
    texts = Counter(item.text for item in items)
    candidates = Counter(item.candidate for item in items if item.candidate)
    return Group(
        text=texts.most_common(1)[0][0],
        count=len(items),
        langs=tuple(sorted({item.lang for item in items if item.lang})),
        candidate=candidates.most_common(1)[0][0] if candidates else None,
        score=max(item.score for item in items),
        last=max(item.time for item in items),
        examples=tuple(text for text, _ in texts.most_common(3)),
        kind=items[0].kind,
    )


def _negated(time: str) -> tuple[int, ...]:
    """A sort key putting the most recent ISO time first among equal counts."""
    return tuple(-ord(c) for c in time)


def attach(answerer: Answerer, question: str, fact_id: str) -> Added:
    """Add a declined ``question`` to fact ``fact_id`` as one more way to ask it, in the question's language
    when the fact answers in it, else in the fact's own; raises FactRejected for an unknown fact."""
    from bot.knowledge.store import FactRejected, add_fact

    fact = answerer.knowledge.get(fact_id)
    if fact is None:
        raise FactRejected(f"there is no fact '{fact_id}'; python -m bot facts list shows the ids")
    lang = answerer.matcher.analyse(question).lang
    lang = lang if lang in fact.answers else next(iter(fact.answers))
    return add_fact(answerer.knowledge.path, fact_id, lang=lang, questions=[question])
