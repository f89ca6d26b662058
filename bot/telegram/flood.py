"""Per-user flood control: at most ``limit`` questions in any ``window`` seconds.

A sliding window over each user's answered questions: once the oldest of them is
``window`` seconds old, one more is answered. Over the limit the first refusal
says so (``NOTICE``) and the following ones are ``SILENT``, until one is answered
again; refused questions do not count, so a user who keeps typing is answered at
the limit's pace rather than locked out. Memory stays bounded: a user idle for a
whole window is forgotten. No Telegram here: the handlers decide what a notice
looks like, and keep each user's window (``saved``) in the user's persisted data,
so a restart does not reset it: times are wall-clock seconds for that reason.
"""

from __future__ import annotations

import time
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum


class Verdict(Enum):
    """What to do with one question."""

    ANSWER = "answer"
    NOTICE = "notice"
    """Over the limit for the first time in this window: say so, once."""
    SILENT = "silent"
    """Over the limit and already told: ignore."""


@dataclass
class _User:
    answered: deque[float] = field(default_factory=deque)
    noticed: bool = False
    last_seen: float = 0.0


class FloodGate:
    """Counts each user's questions; ``limit`` or ``window`` 0 turns it off (every question is answered)."""

    def __init__(self, limit: int, window: float, *, clock: Callable[[], float] = time.time) -> None:
        if limit < 0 or window < 0:
            raise ValueError("limit and window must not be negative")
        self.limit = limit
        self.window = window
        self._clock = clock
        self._users: OrderedDict[int, _User] = OrderedDict()  # least recently seen first

    @property
    def enabled(self) -> bool:
        return self.limit > 0 and self.window > 0

    def check(self, user_id: int, *, saved: object = None) -> Verdict:
        """Whether to answer this user's question now; an answered one is counted. ``saved`` is what
        ``saved`` returned for the user before a restart: used when the gate does not know the user."""
        if not self.enabled:
            return Verdict.ANSWER
        now = self._clock()
        self._forget_idle(now)
        state = self._users.pop(user_id, None) or _restored(saved)
        self._users[user_id] = state  # now the most recently seen
        state.last_seen = now
        while state.answered and state.answered[0] <= now - self.window:
            state.answered.popleft()
        if len(state.answered) < self.limit:
            state.answered.append(now)
            state.noticed = False
            return Verdict.ANSWER
        if state.noticed:
            return Verdict.SILENT
        state.noticed = True
        return Verdict.NOTICE

    def saved(self, user_id: int) -> dict[str, object] | None:
        """The user's window as plain data, to keep across a restart; None when there is nothing to keep."""
        state = self._users.get(user_id)
        if state is None or not state.answered:
            return None
        return {"answered": list(state.answered), "noticed": state.noticed, "last_seen": state.last_seen}

    def __len__(self) -> int:
        """How many users are remembered."""
        return len(self._users)

    def _forget_idle(self, now: float) -> None:
        # Seen more than a window ago means every answered question has aged out and a notice is due
        # again anyway: forgetting the user changes nothing they can observe.
        while self._users:
            user_id, oldest = next(iter(self._users.items()))
            if oldest.last_seen > now - self.window:
                return
            del self._users[user_id]


def _restored(saved: object) -> _User:
    """A user's window from ``FloodGate.saved``; a fresh one from anything else (an older or damaged record)."""
    if not isinstance(saved, dict):
        return _User()
    try:
        answered = deque(float(moment) for moment in saved["answered"])
        return _User(answered, bool(saved["noticed"]), float(saved["last_seen"]))
    except (KeyError, TypeError, ValueError):
        return _User()
