"""The questions the bot declined, kept so maintainers learn what users want to know.

One JSON object per line: time, text, language, best candidate and its score.
Nothing that identifies the user is kept (no ids, no names, ``@mentions`` are
removed). The log is rotated at a size limit so it cannot fill the disk, and
recording never raises: a full disk must not stop the bot from answering.
Recording blocks briefly on a lock: call it from async code with ``asyncio.to_thread``.
"""

from __future__ import annotations

import json
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

if TYPE_CHECKING:
    from bot.knowledge.store import Added
from bot.folding import normalize, without_mentions

logger = logging.getLogger(__name__)

DEFAULT_PATH = Path("knowledge/unanswered.jsonl")
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


@dataclass(frozen=True)
class Group:
    """Near-duplicate declined questions, shown as one line with a count."""

    text: str
    count: int
    langs: tuple[str, ...]
    candidate: str | None
    score: float
    last: str
    examples: tuple[str, ...]

    def as_json(self) -> dict[str, Any]:
        """The ``unanswered --json`` object."""
        return {
            "text": self.text,
            "count": self.count,
            "langs": list(self.langs),
            "candidate": self.candidate,
            "score": self.score,
            "last": self.last,
            "examples": list(self.examples),
        }


class UnansweredLog:
    """Appends declined questions to a JSON-lines file and groups them back."""

    def __init__(self, path: str | os.PathLike[str] | None = None, *, max_bytes: int = MAX_BYTES) -> None:
        self.path = Path(path) if path is not None else default_path()
        self.max_bytes = max_bytes

    @property
    def rotated(self) -> Path:
        """The one older file kept after rotation."""
        return self.path.with_name(self.path.name + ".1")

    def record(self, reply: Reply) -> bool:
        """Append ``reply`` when it is a decline; whether it was written. Never raises."""
        if reply.kind != "decline":
            return False
        entry = {
            "time": datetime.now(UTC).isoformat(timespec="seconds"),
            "text": without_mentions(reply.question),
            "lang": reply.lang,
            "candidate": reply.candidate,
            "score": reply.score,
        }
        line = (json.dumps(entry, ensure_ascii=False) + "\n").encode("utf-8")
        from bot.knowledge.store import locked  # writes only: the log is read where ruamel is not needed

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with locked(self.path):
                self._rotate_before(len(line))
                with open(self.path, "ab") as stream:
                    stream.write(line)
        except Exception as error:  # losing one log line must never cost the user an answer
            logger.warning("could not record an unanswered question in %s: %s", self.path, error)
            return False
        return True

    def clear(self) -> int:
        """Forget every declined question (the log and its older file); how many entries went."""
        from bot.knowledge.store import locked

        count = sum(1 for _ in self.entries())
        with locked(self.path):
            for path in (self.path, self.rotated):
                path.unlink(missing_ok=True)
        return count

    def _rotate_before(self, size: int) -> None:
        try:
            current = self.path.stat().st_size
        except FileNotFoundError:
            return
        if current and current + size > self.max_bytes:
            os.replace(self.path, self.rotated)

    def entries(self) -> Iterator[Entry]:
        """Every logged question, oldest first; unreadable lines are skipped with a warning."""
        for path in (self.rotated, self.path):
            try:
                lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
            except FileNotFoundError:
                continue
            for number, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                try:
                    data = json.loads(line)
                    yield Entry(
                        str(data["time"]),
                        str(data["text"]),
                        str(data.get("lang") or ""),
                        data.get("candidate"),
                        float(data.get("score") or 0.0),
                    )
                except (ValueError, KeyError, TypeError):
                    logger.warning("skipping an unreadable line %s:%d", path, number)

    def groups(self) -> list[Group]:
        """The logged questions grouped with their near-duplicates, most frequent first."""
        return group(self.entries())


def group(entries: Iterable[Entry], *, similarity: float = SIMILARITY) -> list[Group]:
    """Near-duplicates together (normalised, rapidfuzz token_sort_ratio >= ``similarity``), most frequent first."""
    keys: list[str] = []
    members: list[list[Entry]] = []
    for entry in entries:
        key = normalize(entry.text)
        found = process.extractOne(key, keys, scorer=fuzz.token_sort_ratio, score_cutoff=similarity) if keys else None
        if found is None:
            keys.append(key)
            members.append([entry])
        else:
            members[found[2]].append(entry)
    groups = [_summary(items) for items in members]
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
