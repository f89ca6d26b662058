"""What users should read, stated from the knowledge file: tests compare with this, never with the bot's own output."""

from __future__ import annotations

from pathlib import Path

from bot.knowledge.reading import load

_KNOWLEDGE = load(Path(__file__).resolve().parent.parent / "knowledge" / "facts.yaml")


def answer(fact_id: str, lang: str = "en") -> str:
    """The answer of ``fact_id`` as written in knowledge/facts.yaml: what a user reads when that fact answers."""
    fact = _KNOWLEDGE.get(fact_id)
    assert fact is not None, f"no fact {fact_id!r} in knowledge/facts.yaml"
    return fact.answer(lang)
