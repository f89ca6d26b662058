"""The questions a reply suggests, as choices a front end can offer: buttons in Telegram, numbers in the console.

The core writes suggestions as "• question" lines at the end of ``Reply.answer``.
Each of those lines is the first question of a fact, so it maps back to the fact
id a button or a number needs; a line that does not map leaves the text as it is,
so a change in the core's wording can never lose a suggestion.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.answerer import Reply
from bot.knowledge import Knowledge

BULLET = "• "


@dataclass(frozen=True)
class Choice:
    """A suggested question and the fact that answers it."""

    fact_id: str
    question: str


@dataclass(frozen=True)
class Offer:
    """A reply split into the text to show and the suggestions to offer as choices."""

    text: str
    choices: tuple[Choice, ...]


def offer(reply: Reply, knowledge: Knowledge) -> Offer:
    """The reply's text without its trailing suggestion lines, and those suggestions as choices."""
    lines = reply.answer.split("\n")
    count = 0
    while count < len(lines) and lines[len(lines) - 1 - count].startswith(BULLET):
        count += 1
    if not count:
        return Offer(reply.answer, ())
    by_question = {fact.first_question(reply.lang): fact.id for fact in knowledge.facts}
    questions = [line.removeprefix(BULLET).strip() for line in lines[len(lines) - count :]]
    if not all(question in by_question for question in questions):
        return Offer(reply.answer, ())
    text = "\n".join(lines[: len(lines) - count]).rstrip()
    return Offer(text, tuple(Choice(by_question[question], question) for question in questions))
