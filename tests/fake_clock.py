"""A clock for tests: seconds pass only when the test moves them."""

from __future__ import annotations


class Clock:
    """Seconds that pass only when the test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now
