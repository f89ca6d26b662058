"""Example questions that do not reach their own fact: what ``facts check`` warns about.

A maintainer writes example questions so users who ask them get that fact. When
another fact wins one of them (two facts asked alike, a word shared with a
busier fact), users would see the wrong answer; asking every example question
once, as a user would, shows the collision before they do.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from bot.answerer import Answerer
from bot.knowledge.model import LANGUAGES


@dataclass(frozen=True)
class Collision:
    """An example question of ``fact_id`` that gets ``winner`` instead (None: it is declined)."""

    fact_id: str
    question: str
    winner: str | None


def collisions(answerer: Answerer) -> Iterator[Collision]:
    """Every example question whose reply neither answers with its fact nor offers it as a tied suggestion."""
    for fact in answerer.knowledge.facts:
        for lang in LANGUAGES:
            for question in fact.questions.get(lang, ()):
                reply = answerer.reply(question, lang=lang)
                if reply.fact_id != fact.id and (reply.fact_id is None or fact.id not in reply.suggestions):
                    yield Collision(fact.id, question, reply.fact_id)
